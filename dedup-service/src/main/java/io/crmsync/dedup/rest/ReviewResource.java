package io.crmsync.dedup.rest;

import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ReviewItem;
import io.crmsync.dedup.ReviewStatus;
import io.crmsync.dedup.ownership.ReviewService;
import io.crmsync.dedup.ownership.ReviewService.Decision;
import io.crmsync.dedup.ownership.ReviewService.ReviewItemNotFoundException;
import io.crmsync.dedup.ownership.ReviewService.ReviewItemResolvedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import io.crmsync.commons.security.AdminRoles;

/**
 * The review queue of field conflicts ({@code manual-review} fields). Every request names its
 * tenant, and an item of another tenant is answered as not found. Responses carry the proposed
 * and current values (emails, phones): the API is for authenticated operators; logs never show them.
 */
@Path("/admin/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private static final int MAX_ITEMS = 500;

    private final ReviewService reviews;
    private final SecurityIdentity identity;

    public ReviewResource(ReviewService reviews, SecurityIdentity identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    /** Items of a tenant in one status ({@code open} by default), oldest first, at most {@code limit}. */
    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    public List<ReviewItemView> list(@QueryParam("tenant") String tenant,
                                     @QueryParam("status") @DefaultValue("open") String status,
                                     @QueryParam("goldenKey") String goldenKey,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        requireTenant(tenant);
        if (limit < 1 || limit > MAX_ITEMS) {
            throw new BadRequestException("limit must be between 1 and " + MAX_ITEMS);
        }
        ReviewStatus wanted = switch (status) {
            case "open" -> ReviewStatus.OPEN;
            case "accepted" -> ReviewStatus.ACCEPTED;
            case "rejected" -> ReviewStatus.REJECTED;
            default -> throw new BadRequestException("status must be open, accepted or rejected");
        };
        return reviews.list(tenant, wanted, goldenKey, limit).stream().map(ReviewItemView::of).toList();
    }

    /**
     * {@code accept} applies the proposed value to the golden contact and queues its contact upsert;
     * {@code reject} closes the item. 409 when it was resolved already.
     */
    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminRoles.OPERATOR)
    public ReviewItemView resolve(@PathParam("id") long id, @QueryParam("tenant") String tenant, ResolveRequest request) {
        requireTenant(tenant);
        Decision decision = request == null || request.decision() == null ? null : switch (request.decision()) {
            case "accept" -> Decision.ACCEPT;
            case "reject" -> Decision.REJECT;
            default -> null;
        };
        if (decision == null) {
            throw new BadRequestException("decision must be accept or reject");
        }
        try {
            return ReviewItemView.of(reviews.resolve(tenant, id, decision, identity.getPrincipal().getName()));
        } catch (ReviewItemNotFoundException e) {
            throw new NotFoundException(e.getMessage());
        } catch (ReviewItemResolvedException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    private static void requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new BadRequestException("query parameter 'tenant' is required");
        }
    }

    /** {@code {"decision": "accept" | "reject"}}. */
    public record ResolveRequest(String decision) {
    }

    /** One review item as the API shows it. */
    public record ReviewItemView(long id, String tenant, String goldenKey, String field, String currentValue,
                                 String proposedValue, String proposedBy, SourceRef source, Instant sourceUpdatedAt,
                                 String eventId, String status, Instant createdAt, String resolvedBy,
                                 Instant resolvedAt) {

        static ReviewItemView of(ReviewItem item) {
            return new ReviewItemView(item.id(), item.tenant(), item.goldenKey(), item.field(), item.currentValue(),
                    item.proposedValue(), item.proposedBy(), item.source(), item.sourceUpdatedAt(), item.eventId(),
                    item.status().name().toLowerCase(Locale.ROOT), item.createdAt(), item.resolvedBy(),
                    item.resolvedAt());
        }
    }
}
