package io.crmsync.writer.rest;

import io.crmsync.writer.messaging.DeadLetterTopicException;
import io.crmsync.writer.service.AuditCursorNotFoundException;
import io.crmsync.writer.service.ReplayInProgressException;
import io.crmsync.writer.service.ReplayTooLargeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How every admin resource answers a refused request: a status and {@link AdminProblem}. 401 and
 * 403 come from Quarkus security before a resource runs.
 */
public class AdminExceptionMappers {

    private static final Logger LOG = Logger.getLogger(AdminExceptionMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidAdminRequestException e) {
        return problem(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownCursor(AuditCursorNotFoundException e) {
        return problem(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooLarge(ReplayTooLargeException e) {
        return problem(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response busy(ReplayInProgressException e) {
        return problem(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(DeadLetterTopicException e) {
        // The cause names the broker's problem, never record contents.
        LOG.warnf(e, "admin request failed on the DLQ topic: %s", e.getMessage());
        return problem(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new AdminProblem(message)).build();
    }
}
