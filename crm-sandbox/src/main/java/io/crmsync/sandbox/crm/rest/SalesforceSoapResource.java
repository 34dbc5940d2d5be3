package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountRegistry;
import io.crmsync.sandbox.crm.service.AccountState;
import io.crmsync.sandbox.crm.service.RequestRejected;
import io.crmsync.sandbox.crm.service.SalesforceMergeResult;
import io.crmsync.sandbox.crm.service.SalesforceMergeService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The Salesforce SOAP API (partner WSDL) under the account prefix, {@code POST /{account}/services/Soap/u/60.0}.
 * Only {@code merge} is offered: Salesforce's REST API has no merge resource. The session is the
 * {@code SessionHeader}'s {@code sessionId} (any non-empty value, like the REST bearer token).
 */
@Path("/{account}/services/Soap/u/{version: [0-9]+\\.[0-9]+}")
public class SalesforceSoapResource {

    /** Not an ExceptionCode: the SOAP code of a request that is not a usable envelope. */
    static final String CLIENT_FAULT = "soapenv:Client";

    private final CrmCallGuard guard;
    private final SalesforceSoapDialect dialect;
    private final SalesforceMergeService merges;
    private final AccountRegistry registry;

    public SalesforceSoapResource(CrmCallGuard guard, SalesforceSoapDialect dialect, SalesforceMergeService merges,
                                  AccountRegistry registry) {
        this.guard = guard;
        this.dialect = dialect;
        this.merges = merges;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response call(@PathParam("account") String account, @PathParam("version") String version, String body) {
        SoapEnvelopes.MergeCall call = SoapEnvelopes.parseMerge(body);
        // A body that is no envelope has no session to check: it gets the Client fault, not INVALID_SESSION_ID.
        boolean hasCredential = call.problem() != null || call.sessionId() != null;
        return guard.handleSession(dialect, account, hasCredential, "POST /services/Soap/u/" + version, () -> {
            if (call.problem() != null) {
                throw RequestRejected.validation(CLIENT_FAULT, call.problem());
            }
            List<SalesforceMergeResult> results = merges.merge(account, call.requests());
            AccountState state = registry.account(account);
            return Response.ok(SoapEnvelopes.mergeResponse(results, state.salesforceApiUsage(),
                    AccountState.SALESFORCE_DAILY_API_LIMIT), SoapEnvelopes.CONTENT_TYPE).build();
        });
    }
}
