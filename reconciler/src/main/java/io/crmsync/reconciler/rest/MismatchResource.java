package io.crmsync.reconciler.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.reconciler.accounting.CrmSamplingService;
import io.crmsync.reconciler.accounting.DeliveryAccounting;
import io.crmsync.reconciler.accounting.MismatchRepairService;
import io.crmsync.reconciler.accounting.ObjectState;
import io.crmsync.reconciler.accounting.SourceObjectStateRepository;
import io.crmsync.reconciler.control.TenantPauses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Delivery mismatches of a tenant (OIDC bearer tokens): store objects received that never reached the CRM, and their repair. */
@Path("/admin/mismatches")
@Produces(MediaType.APPLICATION_JSON)
public class MismatchResource {

    private final DeliveryAccounting accounting;
    private final MismatchRepairService repairs;
    private final CrmSamplingService sampling;
    private final Tenants tenants;
    private final TenantPauses pauses;

    public MismatchResource(DeliveryAccounting accounting, MismatchRepairService repairs, CrmSamplingService sampling,
                            Tenants tenants, TenantPauses pauses) {
        this.accounting = accounting;
        this.repairs = repairs;
        this.sampling = sampling;
        this.tenants = tenants;
        this.pauses = pauses;
    }

    /**
     * One store object received and not settled in the CRM within the grace period, or found missing
     * there. {@code reason} {@code unsettled | update-unsettled | crm-missing}; {@code state}
     * {@code waiting} (no repair yet) {@code | repairing | exhausted | gone} (the store answered 404)
     * {@code | paused} (the tenant is paused: its writes are held, nothing is repaired; a final
     * {@code exhausted} or {@code gone} stays as it is).
     */
    public record MismatchView(String platform, String storeId, String objectType, String objectId,
                               Instant firstReceivedAt, Instant lastReceivedAt, String lastOrigin, String reason,
                               String state, int repairAttempts, Instant lastRepairAt, String lastRepairOutcome,
                               Instant lastSettledAt) {

        static MismatchView of(SourceObjectStateRepository.Mismatch m, boolean tenantPaused) {
            ObjectState s = m.state();
            return new MismatchView(m.key().platform(), m.key().storeId(), m.key().objectType(), m.key().objectId(),
                    s.firstReceivedAt(), s.lastReceivedAt(), s.lastOrigin(), s.reason(), state(s, tenantPaused),
                    s.repairAttempts(), s.lastRepairAt(), s.repairOutcome(), s.lastSettledAt());
        }

        private static String state(ObjectState s, boolean tenantPaused) {
            if (MismatchRepairService.GONE.equals(s.repairOutcome()) || MismatchRepairService.EXHAUSTED.equals(s.repairOutcome())) {
                return s.repairOutcome();
            }
            if (tenantPaused) {
                return "paused";
            }
            return s.repairAttempts() == 0 ? "waiting" : "repairing";
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
        boolean paused = pauses.paused(tenant);
        return accounting.mismatches(tenant, limit).stream().map(m -> MismatchView.of(m, paused)).toList();
    }

    @POST
    @Path("/repair")
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Run one repair round for the tenant now: replay its due mismatches from their stores "
            + "(409 while the tenant is paused)")
    public List<MismatchRepairService.Repair> repair(@QueryParam("tenant") String tenant) throws SQLException {
        return repairs.repair(requireTenant(tenant));
    }

    @POST
    @Path("/crm-check")
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Run one sampling round for the tenant now: read settled objects back from its CRM "
            + "(409 while the tenant is paused)")
    public CrmSamplingService.CheckRound crmCheck(@QueryParam("tenant") String tenant) throws SQLException {
        return sampling.check(requireTenant(tenant));
    }

    @ServerExceptionMapper
    Response paused(TenantPauses.TenantPaused e) {
        return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
    }

    private String requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank() || tenants.tenant(tenant).isEmpty()) {
            throw new BadRequestException("query parameter tenant must name a tenant of the registry");
        }
        return tenant;
    }
}
