package io.crmsync.writer.rest;

import io.crmsync.commons.security.AdminRoles;
import io.crmsync.writer.service.AuditSearch;
import io.crmsync.writer.service.AuditSearchService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/** The audit trail of CRM writes (OIDC bearer tokens): every attempt and disposition of every command. */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditSearchService audit;

    public AuditResource(AuditSearchService audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({AdminRoles.VIEWER, AdminRoles.OPERATOR})
    @Operation(summary = "Audit rows of one tenant, newest first, filtered by source object, CRM id, record key, "
            + "command, object type, operation, outcome and time; keyset pages through 'before'")
    public AuditPageView search(@QueryParam("tenant") String tenant,
                                @QueryParam("sourceObjectId") String sourceObjectId,
                                @QueryParam("crmId") String crmId,
                                @QueryParam("recordKey") String recordKey,
                                @QueryParam("commandId") String commandId,
                                @QueryParam("crmObjectType") String crmObjectType,
                                @QueryParam("operation") String operation,
                                @QueryParam("outcome") String outcome,
                                @QueryParam("from") String from,
                                @QueryParam("to") String to,
                                @QueryParam("before") String before,
                                @QueryParam("limit") String limit) {
        String wanted = AdminParams.tenant(tenant);
        Instant fromInstant = AdminParams.instant("from", from);
        Instant toInstant = AdminParams.instant("to", to);
        AdminParams.range(fromInstant, toInstant);
        AuditSearch search = new AuditSearch(wanted, AdminParams.optional(sourceObjectId),
                AdminParams.optional(crmId), AdminParams.optional(recordKey), AdminParams.optional(commandId),
                AdminParams.optional(crmObjectType), AdminParams.optional(operation), AdminParams.optional(outcome),
                fromInstant, toInstant, AdminParams.id("before", before),
                AdminParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return AuditPageView.of(audit.search(search));
    }
}
