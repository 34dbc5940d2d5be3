package io.crmsync.dedup.rest;

import io.crmsync.dedup.service.MergeAdminService;
import io.crmsync.dedup.service.MergeNotFoundException;
import io.crmsync.dedup.service.MergeNotUndoableException;
import io.crmsync.dedup.service.MergeView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import io.crmsync.commons.security.AdminRoles;

/**
 * Admin API of golden-contact merges (OIDC bearer tokens). {@code tenant} is required on every
 * call and checked against the merge row: a merge of another tenant answers 404.
 */
@Path("/admin/merges")
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {

    private final MergeAdminService merges;
    private final SecurityIdentity identity;

    public MergeResource(MergeAdminService merges, SecurityIdentity identity) {
        this.merges = merges;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "Merges of a tenant's golden contacts with the rule that joined them, newest first; "
            + "with goldenKey, those where that record survived or was merged")
    public List<MergeView> list(@QueryParam("tenant") String tenant, @QueryParam("goldenKey") String goldenKey) {
        return merges.list(required(tenant), goldenKey == null || goldenKey.isBlank() ? null : goldenKey);
    }

    @POST
    @Path("/{id}/undo")
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Undo a merge: restore the merged golden contact, move back the links the merge moved, "
            + "write both contacts to the CRM again; the two are kept apart from then on")
    public MergeView undo(@PathParam("id") String id, @QueryParam("tenant") String tenant) {
        return merges.undo(required(tenant), id, identity.getPrincipal().getName());
    }

    private static String required(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new BadRequestException("query parameter tenant is required");
        }
        return tenant;
    }

    @ServerExceptionMapper
    Response notFound(MergeNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    Response notUndoable(MergeNotUndoableException e) {
        return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
    }
}
