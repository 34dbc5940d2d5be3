package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountState;
import io.crmsync.sandbox.crm.service.Crm;
import io.crmsync.sandbox.crm.service.LimitDecision;
import io.crmsync.sandbox.crm.service.RequestRejected;
import jakarta.ws.rs.core.Response;

/**
 * How one CRM words its refusals and reports its limits on the wire. {@link CrmCallGuard} decides
 * <em>whether</em> a request is refused; the dialect decides what the refusal looks like.
 */
public interface CrmDialect {

    Crm crm();

    /** No usable {@code Authorization: Bearer} header. */
    Response missingAuthentication();

    /** The auth fault: a token the CRM considers expired. */
    Response expiredAuthentication();

    /** The outage fault. */
    Response outage();

    Response rateLimited(LimitDecision decision);

    Response rejected(RequestRejected rejected);

    Response internalError();

    /** Adds the headers the CRM puts on every API response (rate-limit or usage information). */
    Response withLimitHeaders(Response response, AccountState state, LimitDecision decision);
}
