package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountState;
import io.crmsync.sandbox.crm.service.Crm;
import io.crmsync.sandbox.crm.service.LimitDecision;
import io.crmsync.sandbox.crm.service.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

/**
 * The SOAP API's refusals: every fault is HTTP 500 with a {@code soapenv:Fault} whose
 * {@code faultcode} is {@code sf:<ExceptionCode>} and whose {@code detail} holds the API fault
 * type (UnexpectedErrorFault, InvalidIdFault, …); an outage is a 503. Usage is reported like the
 * REST API's, in {@code Sforce-Limit-Info}.
 */
@ApplicationScoped
public class SalesforceSoapDialect implements CrmDialect {

    private static final String UNEXPECTED = "UnexpectedErrorFault";
    private static final Map<String, String> FAULT_TYPES = Map.of(
            "INVALID_TYPE", "InvalidSObjectFault",
            "INVALID_ID_FIELD", "InvalidIdFault",
            "INVALID_FIELD", "InvalidFieldFault",
            "MALFORMED_QUERY", "MalformedQueryFault");

    @Override
    public Crm crm() {
        return Crm.SALESFORCE;
    }

    @Override
    public Response missingAuthentication() {
        return fault(500, "INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
    }

    @Override
    public Response expiredAuthentication() {
        return fault(500, "INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session. "
                + "Session not found, missing session hash");
    }

    @Override
    public Response outage() {
        return fault(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again later.");
    }

    @Override
    public Response rateLimited(LimitDecision decision) {
        return fault(500, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    @Override
    public Response rejected(RequestRejected rejected) {
        return fault(500, rejected.code(), rejected.getMessage());
    }

    @Override
    public Response internalError() {
        return fault(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you "
                + "contact support: " + UUID.randomUUID());
    }

    @Override
    public Response withLimitHeaders(Response response, AccountState state, LimitDecision decision) {
        return Response.fromResponse(response).header(SalesforceDialect.LIMIT_INFO, SalesforceDialect.limitInfo(state))
                .build();
    }

    private static Response fault(int status, String code, String message) {
        return Response.status(status).type(SoapEnvelopes.CONTENT_TYPE)
                .entity(SoapEnvelopes.fault(code, message, FAULT_TYPES.getOrDefault(code, UNEXPECTED)))
                .build();
    }
}
