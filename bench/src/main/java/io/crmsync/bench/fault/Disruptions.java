package io.crmsync.bench.fault;

import io.crmsync.bench.StackHttp;
import io.crmsync.testkit.stack.LocalStack;

import java.io.PrintStream;

/** The suite's faults, each put in and ended the way it happens to (or is ended by) an operator. */
final class Disruptions {

    private final LocalStack stack;
    private final StackHttp http;
    private final PrintStream progress;
    private final String operatorToken;

    Disruptions(LocalStack stack, StackHttp http, PrintStream progress) {
        this.stack = stack;
        this.http = http;
        this.progress = progress;
        this.operatorToken = stack.token("crmsync-operator");
    }

    /** {@code kill -9}, then the stack starts it again the way it started it (same jar, environment, log). */
    Disruption crash(String component) {
        return new Disruption() {
            @Override
            public void inject() {
                stack.kill(component);
            }

            @Override
            public void recover() {
                stack.up(progress);
            }
        };
    }

    /** A clean stop (SIGTERM), then a start: how a database or broker is restarted for maintenance. */
    Disruption restart(String component) {
        return new Disruption() {
            @Override
            public void inject() {
                stack.stop(component);
            }

            @Override
            public void recover() {
                stack.up(progress);
            }
        };
    }

    /** A CRM sandbox fault for the account; {@code auth} ends with the operator's resume, as crm-writer's README says. */
    Disruption crm(String account, String faultJson, boolean resumeAfter) {
        String sandbox = LocalStack.url("crm-sandbox");
        return new Disruption() {
            @Override
            public void inject() {
                expect2xx(http.post(sandbox + "/_sandbox/faults", faultJson, null), "CRM fault " + faultJson);
            }

            @Override
            public void recover() {
                expect2xx(http.post(sandbox + "/_sandbox/faults", "{\"account\":\"" + account + "\",\"mode\":\"none\"}", null),
                        "CRM fault none");
                if (resumeAfter) {
                    expect2xx(http.post(LocalStack.url("crm-writer") + "/admin/tenants/" + account + "/resume",
                            "{\"message\":\"fault suite: credentials fixed\"}", operatorToken), "resume " + account);
                }
            }
        };
    }

    /** A storefront simulator delivery fault for the store; setting {@code none} also sends what a reorder fault held. */
    Disruption simulator(String storeId, String faultJson) {
        String simulator = LocalStack.url("storefront-simulator");
        return new Disruption() {
            @Override
            public void inject() {
                expect2xx(http.post(simulator + "/_sim/faults", faultJson, null), "simulator fault " + faultJson);
            }

            @Override
            public void recover() {
                expect2xx(http.post(simulator + "/_sim/faults", "{\"storeId\":\"" + storeId + "\",\"mode\":\"none\"}", null),
                        "simulator fault none");
            }
        };
    }

    private static void expect2xx(StackHttp.Reply reply, String what) {
        if (!reply.is2xx()) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
    }
}
