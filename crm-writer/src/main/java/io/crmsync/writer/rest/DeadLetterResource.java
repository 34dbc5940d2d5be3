package io.crmsync.writer.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.writer.service.DeadLetterListService;
import io.crmsync.writer.service.DeadLetterQuery;
import io.crmsync.writer.service.DeadLetterReplayService;
import io.crmsync.writer.service.ReplayResult;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/**
 * Dead letters of {@code crm.record.upsert.v1} (OIDC bearer tokens): list them, replay them.
 * Every request names its tenant; dead letters of other tenants are neither listed nor touched.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final DeadLetterListService listing;
    private final DeadLetterReplayService replay;
    private final SecurityIdentity identity;

    public DeadLetterResource(DeadLetterListService listing, DeadLetterReplayService replay, SecurityIdentity identity) {
        this.listing = listing;
        this.replay = replay;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "A tenant's dead letters stamped in [from, to), of one error class or all, oldest first, "
            + "with whether and when each was replayed")
    public DeadLetterListView list(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("errorClass") String errorClass,
                                   @QueryParam("limit") String limit) {
        String wanted = AdminParams.tenant(tenant);
        Instant fromInstant = AdminParams.instant("from", from);
        Instant toInstant = AdminParams.instant("to", to);
        AdminParams.range(fromInstant, toInstant);
        DeadLetterQuery query = new DeadLetterQuery(wanted, fromInstant, toInstant, AdminParams.optional(errorClass));
        return DeadLetterListView.of(listing.list(query, AdminParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)));
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Re-publish a tenant's dead letters stamped in [from, to) (of one error class or all) to "
            + "crm.record.upsert.v1 with ce_origin=replay; each only once unless force; answers after the broker "
            + "acknowledged every record")
    public ReplayResult replay(ReplayRequest request) {
        if (request == null) {
            throw new InvalidAdminRequestException("a JSON body {tenant, from, to, errorClass, force} is required");
        }
        String tenant = AdminParams.tenant(request.tenant());
        Instant from = AdminParams.requiredInstant("from", request.from());
        Instant to = AdminParams.requiredInstant("to", request.to());
        AdminParams.range(from, to);
        DeadLetterQuery query = new DeadLetterQuery(tenant, from, to, AdminParams.optional(request.errorClass()));
        return replay.replay(query, Boolean.TRUE.equals(request.force()), identity.getPrincipal().getName());
    }
}
