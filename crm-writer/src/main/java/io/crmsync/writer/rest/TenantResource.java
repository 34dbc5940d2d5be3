package io.crmsync.writer.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.contract.control.TenantControl;
import io.crmsync.writer.control.TenantStates;
import io.crmsync.writer.lane.WriteLanes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;

/**
 * Admin API of tenant states (OIDC bearer tokens): see whether a tenant's writes flow or are
 * paused (and why), pause a tenant, and resume it after its CRM credentials were fixed. A change
 * is stored, announced on {@code control.tenant.v1}, and takes effect at the tenant's next drain;
 * a resumed tenant's waiting commands are written then, none lost.
 */
@Path("/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final Tenants tenants;
    private final TenantStates states;
    private final WriteLanes lanes;
    private final SecurityIdentity identity;

    public TenantResource(Tenants tenants, TenantStates states, WriteLanes lanes, SecurityIdentity identity) {
        this.tenants = tenants;
        this.states = states;
        this.lanes = lanes;
        this.identity = identity;
    }

    /** A tenant's state; {@code active} with no reason when it was never paused. */
    public record TenantStateView(String tenant, String state, String reason, String message, Instant changedAt,
                                  String changedBy, boolean dryRun) {
    }

    /** Why an operator pauses or resumes: kept with the state, announced with it. */
    public record Change(String message) {
    }

    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "Every tenant of the registry with its sync state")
    public List<TenantStateView> list() {
        return tenants.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{tenant}")
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "One tenant's sync state: active, or paused with the reason (auth, operator)")
    public TenantStateView get(@PathParam("tenant") String tenant) {
        return view(known(tenant));
    }

    @POST
    @Path("/{tenant}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Pause a tenant: nothing more is written to its CRM; its commands wait")
    public TenantStateView pause(@PathParam("tenant") String tenant, Change change) {
        Tenant known = known(tenant);
        states.pause(tenant, change == null ? null : change.message(), identity.getPrincipal().getName());
        return view(known);
    }

    @POST
    @Path("/{tenant}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Resume a paused tenant (after fixing its CRM credentials): its waiting commands are written")
    public TenantStateView resume(@PathParam("tenant") String tenant, Change change) {
        Tenant known = known(tenant);
        states.resume(tenant, change == null ? null : change.message(), identity.getPrincipal().getName());
        lanes.wake(tenant);
        return view(known);
    }

    private Tenant known(String tenant) {
        return tenants.tenant(tenant).orElseThrow(() -> new NotFoundException("tenant " + tenant + " is not in the registry"));
    }

    private TenantStateView view(Tenant tenant) {
        boolean dryRun = tenant.crm().dryRun();
        return states.state(tenant.id())
                .map(s -> new TenantStateView(tenant.id(), s.state() == TenantControl.State.PAUSED ? "paused" : "active",
                        s.reason(), s.message(), s.changedAt(), s.changedBy(), dryRun))
                .orElseGet(() -> new TenantStateView(tenant.id(), "active", null, null, null, null, dryRun));
    }
}
