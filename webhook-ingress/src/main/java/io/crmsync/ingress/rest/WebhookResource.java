package io.crmsync.ingress.rest;

import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import io.crmsync.ingress.service.IntakeOutcome;
import io.crmsync.ingress.service.Rejection;
import io.crmsync.ingress.service.WebhookIntakeService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /webhooks/{platform}/{storeId}}: the one door storefronts knock on. */
@Path("/webhooks")
public class WebhookResource {

    private final WebhookIntakeService intake;

    public WebhookResource(WebhookIntakeService intake) {
        this.intake = intake;
    }

    /**
     * Blocking: HMAC and JSON parsing of up to the body limit run on a worker thread, not the event
     * loop; waiting for the broker's acknowledgement is asynchronous and holds no thread.
     */
    @POST
    @Path("/{platform}/{storeId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Receive one signed webhook delivery from a storefront")
    @APIResponse(responseCode = "202", description = "Durable in Kafka (broker acknowledged)")
    @APIResponse(responseCode = "200", description = "A platform's set-up ping (WooCommerce); nothing published")
    @APIResponse(responseCode = "400", description = "Malformed: body not JSON, missing object id, unknown topic")
    @APIResponse(responseCode = "401", description = "Missing, wrong or stale signature")
    @APIResponse(responseCode = "404", description = "Unknown store, or a store of another platform than the URL names")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    @APIResponse(responseCode = "429", description = "The tenant is over its quota; retry after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Could not be made durable in time; the storefront retries")
    public Uni<Response> receive(@PathParam("platform") String platform, @PathParam("storeId") String storeId,
                                 @Context HttpHeaders headers, byte[] body) {
        WebhookRequest request = new WebhookRequest(platform, storeId, WebhookHeaders.of(headers.getRequestHeaders()), body);
        return intake.receive(request).map(WebhookResource::toResponse);
    }

    /** Adobe I/O Events' registration handshake: {@code GET ?challenge=X} answered with X. */
    @GET
    @Path("/{platform}/{storeId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer Adobe I/O Events' webhook registration challenge")
    @APIResponse(responseCode = "200", description = "{\"challenge\": X}")
    @APIResponse(responseCode = "404", description = "Not an Adobe Commerce store, or no usable challenge")
    public Response challenge(@PathParam("platform") String platform, @PathParam("storeId") String storeId,
                              @QueryParam("challenge") String challenge) {
        return intake.challenge(platform, storeId, challenge)
                .map(answer -> Response.ok(new ChallengeBody(answer)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ErrorBody("unknown_store")).type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static Response toResponse(IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.Throttled throttled) {
            return Response.status(Rejection.OVER_QUOTA.status())
                    .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
                    .entity(new ErrorBody(Rejection.OVER_QUOTA.reason()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        if (outcome instanceof IntakeOutcome.Accepted accepted) {
            return Response.accepted(new AcceptedBody("accepted", accepted.eventId(), accepted.deliveryId())).build();
        }
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            return Response.status(rejected.rejection().status())
                    .entity(new ErrorBody(rejected.rejection().reason()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        return Response.ok(new AcceptedBody("handshake", null, null)).build();
    }
}
