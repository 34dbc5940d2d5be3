package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountRegistry;
import io.crmsync.sandbox.crm.service.AccountState;
import io.crmsync.sandbox.crm.service.Fault;
import io.crmsync.sandbox.crm.service.FaultMode;
import io.crmsync.sandbox.crm.service.LimitDecision;
import io.crmsync.sandbox.crm.service.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * The front door of every CRM API call: applies the account's fault, checks the bearer token,
 * spends the rate-limit budget, runs the handler, adds the CRM's limit headers and counts the
 * call in the stats. Resource methods run on worker threads, so the latency fault may block.
 */
@ApplicationScoped
public class CrmCallGuard {

    private static final Logger LOG = Logger.getLogger(CrmCallGuard.class);

    private final AccountRegistry registry;

    public CrmCallGuard(AccountRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param endpoint the stats key: method plus path without the account prefix, ids as {@code {id}}
     */
    public Response handle(CrmDialect dialect, String account, String authorization, String endpoint,
                           Supplier<Response> handler) {
        return handleSession(dialect, account, hasBearerToken(authorization), endpoint, handler);
    }

    /**
     * For protocols that carry the credential elsewhere than in {@code Authorization} (the SOAP API's
     * {@code SessionHeader}): the caller has read it and says whether there is one.
     */
    public Response handleSession(CrmDialect dialect, String account, boolean hasCredential, String endpoint,
                                  Supplier<Response> handler) {
        AccountState state = registry.account(account);
        Fault fault = state.fault();
        if (fault.mode() == FaultMode.LATENCY) {
            pause(fault.millis());
        }
        LimitDecision limit = null;
        Response response;
        if (fault.mode() == FaultMode.OUTAGE) {
            response = dialect.outage();
        } else if (!hasCredential) {
            response = dialect.missingAuthentication();
        } else if (fault.mode() == FaultMode.AUTH) {
            response = dialect.expiredAuthentication();
        } else {
            limit = state.admit(dialect.crm());
            response = limit.allowed() ? invoke(dialect, handler) : dialect.rateLimited(limit);
        }
        response = dialect.withLimitHeaders(response, state, limit != null ? limit : state.peek(dialect.crm()));
        state.stats().record(endpoint, response.getStatus());
        return response;
    }

    static boolean hasBearerToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank();
    }

    private static Response invoke(CrmDialect dialect, Supplier<Response> handler) {
        try {
            return handler.get();
        } catch (RequestRejected rejected) {
            return dialect.rejected(rejected);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while simulating " + dialect.crm(), e);
            return dialect.internalError();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
