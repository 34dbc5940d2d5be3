package io.crmsync.reconciler.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.reconciler.replay.ReplayService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Replays (OIDC bearer tokens): sync one object, one store or a tenant again over a time range. */
@Path("/admin/replays")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private final ReplayService replays;
    private final SecurityIdentity identity;

    public ReplayResource(ReplayService replays, SecurityIdentity identity) {
        this.replays = replays;
        this.identity = identity;
    }

    /** {@code from} and {@code to} are ISO instants; {@code to} optional (until now). */
    public record Body(String tenant, String storeId, String objectType, String objectId, String from, String to) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Sync again what the stores changed in [from, to): a tenant, one store, one object type or "
            + "one object; published with origin replay, answered after the broker acknowledged it")
    public ReplayService.ReplayResult replay(Body body) {
        if (body == null || body.tenant() == null || body.tenant().isBlank() || body.from() == null) {
            throw new BadRequestException("tenant and from are required");
        }
        return replays.replay(new ReplayService.ReplayRequest(body.tenant(), blankToNull(body.storeId()),
                blankToNull(body.objectType()), blankToNull(body.objectId()), instant(body.from()),
                body.to() == null ? null : instant(body.to())), identity.getPrincipal().getName());
    }

    @ServerExceptionMapper
    Response refused(ReplayService.ReplayRefused e) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("not an ISO instant: " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
