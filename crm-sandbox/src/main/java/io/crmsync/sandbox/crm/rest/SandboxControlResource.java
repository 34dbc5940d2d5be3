package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountRegistry;
import io.crmsync.sandbox.crm.service.Fault;
import io.crmsync.sandbox.crm.service.FaultMode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Fault injection and reset. Like the inspection views, these calls are never counted in the stats. */
@Path("/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxControlResource {

    private final AccountRegistry registry;

    public SandboxControlResource(AccountRegistry registry) {
        this.registry = registry;
    }

    /** Switches one account into a fault mode, which holds until the next call for that account. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fault(FaultRequest request) {
        if (request == null || request.account() == null || request.account().isBlank()) {
            return badRequest("\"account\" is required");
        }
        Optional<FaultMode> mode = FaultMode.fromWire(request.mode());
        if (mode.isEmpty()) {
            return badRequest("unknown mode \"" + request.mode() + "\"; expected one of "
                    + Arrays.stream(FaultMode.values()).map(FaultMode::wireName).toList());
        }
        Fault fault;
        switch (mode.get()) {
            case NONE -> fault = Fault.NONE;
            case OUTAGE -> fault = Fault.outage();
            case AUTH -> fault = Fault.expiredAuth();
            case RATE_LIMIT -> {
                if (request.requests() == null || request.requests() < 0
                        || request.perSeconds() == null || request.perSeconds() <= 0) {
                    return badRequest("rate-limit needs \"requests\" >= 0 and \"perSeconds\" > 0");
                }
                fault = Fault.rateLimit(request.requests(), request.perSeconds());
            }
            case LATENCY -> {
                if (request.millis() == null || request.millis() < 0) {
                    return badRequest("latency needs \"millis\" >= 0");
                }
                fault = Fault.latency(request.millis());
            }
            default -> throw new IllegalStateException("unhandled fault mode " + mode.get());
        }
        registry.account(request.account()).applyFault(fault);
        return Response.noContent().build();
    }

    /** Forgets every account: records, stats, automation counts and faults. */
    @POST
    @Path("/reset")
    public Response reset() {
        registry.reset();
        return Response.noContent().build();
    }

    private static Response badRequest(String message) {
        return Response.status(400).entity(Map.of("message", message)).build();
    }
}
