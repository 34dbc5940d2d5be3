package io.crmsync.reconciler.rest;

import io.crmsync.reconciler.repository.PollCursorRepository;
import io.crmsync.reconciler.service.PollCycleService;
import io.crmsync.reconciler.service.StorePollResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import io.crmsync.commons.security.AdminRoles;

/** Operator surface of the reconciler (OIDC bearer tokens). */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final PollCursorRepository cursors;
    private final PollCycleService cycles;

    public AdminResource(PollCursorRepository cursors, PollCycleService cycles) {
        this.cursors = cursors;
        this.cycles = cycles;
    }

    @GET
    @Path("/cursors")
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "Every poll cursor: per tenant, store and object type, how far polling got")
    public List<CursorView> cursors() {
        return cursors.listOrdered().stream().map(CursorView::of).toList();
    }

    @POST
    @Path("/poll")
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Run one poll cycle now (after the running one, if any); per store and object type, what was published")
    public List<StorePollResult> poll() {
        return cycles.runCycle();
    }
}
