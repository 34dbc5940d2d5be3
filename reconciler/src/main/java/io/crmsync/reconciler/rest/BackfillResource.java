package io.crmsync.reconciler.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.reconciler.backfill.BackfillJob;
import io.crmsync.reconciler.backfill.BackfillJobRepository;
import io.crmsync.reconciler.backfill.BackfillService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Backfills (OIDC bearer tokens): import a store's history from a date, and follow its progress. */
@Path("/admin/backfills")
@Produces(MediaType.APPLICATION_JSON)
public class BackfillResource {

    private final BackfillService backfills;
    private final BackfillJobRepository jobs;
    private final SecurityIdentity identity;

    public BackfillResource(BackfillService backfills, BackfillJobRepository jobs, SecurityIdentity identity) {
        this.backfills = backfills;
        this.jobs = jobs;
        this.identity = identity;
    }

    /** @param since an ISO date ({@code 2025-01-01}, UTC midnight) or instant */
    public record BackfillRequest(String tenant, String storeId, String since, List<String> objectTypes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Import a store's history from a date: one job per object type, run in the background, "
            + "throttled; objects created before the tenant's go-live carry the backfill marker")
    public Response start(BackfillRequest request) throws SQLException {
        if (request == null || blank(request.tenant()) || blank(request.storeId()) || blank(request.since())) {
            throw new BadRequestException("tenant, storeId and since are required");
        }
        List<BackfillJob> started = backfills.start(request.tenant(), request.storeId(), instant(request.since()),
                request.objectTypes(), identity.getPrincipal().getName());
        return Response.accepted(started).build();
    }

    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "A tenant's backfills, newest first: status, position reached, objects published")
    public List<BackfillJob> list(@QueryParam("tenant") String tenant) throws SQLException {
        if (blank(tenant)) {
            throw new BadRequestException("query parameter tenant is required");
        }
        return jobs.byTenant(tenant);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    public BackfillJob get(@PathParam("id") String id) throws SQLException {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("no backfill " + id));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(AdminRoles.OPERATOR)
    @Operation(summary = "Run a failed backfill again from where it stopped (404 for an unknown id, 400 for a job "
            + "that did not fail)")
    public BackfillJob resume(@PathParam("id") String id) throws SQLException {
        return backfills.resume(id);
    }

    @ServerExceptionMapper
    Response refused(BackfillService.BackfillRefused e) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    Response unknown(BackfillService.UnknownBackfill e) {
        return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", e.getMessage())).build();
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO date or instant: " + value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
