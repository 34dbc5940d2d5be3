package io.crmsync.reconciler.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.reconciler.accounting.DeliveryAccounting;
import io.crmsync.reconciler.accounting.SourceObjectStateRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Delivery mismatches of a tenant (OIDC bearer tokens): store objects received that never reached the CRM. */
@Path("/admin/mismatches")
@Produces(MediaType.APPLICATION_JSON)
public class MismatchResource {

    private final DeliveryAccounting accounting;

    public MismatchResource(DeliveryAccounting accounting) {
        this.accounting = accounting;
    }

    /** One store object received and not settled in the CRM within the grace period. */
    public record MismatchView(String platform, String storeId, String objectType, String objectId,
                               Instant firstReceivedAt, Instant lastReceivedAt, String lastOrigin) {

        static MismatchView of(SourceObjectStateRepository.Unsettled u) {
            return new MismatchView(u.key().platform(), u.key().storeId(), u.key().objectType(), u.key().objectId(),
                    u.firstReceivedAt(), u.lastReceivedAt(), u.lastOrigin());
        }
    }

    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "Orders and customers of a tenant received but not settled in the CRM (written, dry-run or "
            + "dead-lettered) within the grace period, oldest first")
    public List<MismatchView> list(@QueryParam("tenant") String tenant,
                                   @QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        if (tenant == null || tenant.isBlank()) {
            throw new BadRequestException("query parameter tenant is required");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000");
        }
        return accounting.mismatches(tenant, limit).stream().map(MismatchView::of).toList();
    }
}
