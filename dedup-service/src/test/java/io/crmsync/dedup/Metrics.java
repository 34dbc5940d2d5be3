package io.crmsync.dedup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reads a counter from the service's own {@code /q/metrics}, as Prometheus would. */
final class Metrics {

    private Metrics() {
    }

    static double counter(String name, String tenant) {
        return counterWithLabels(name, "tenant=\"" + tenant + "\"");
    }

    /** {@code labels} exactly as Prometheus prints them, sorted by name: {@code tenant="acme",type="x"}. */
    static double counterWithLabels(String name, String labels) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // "name{tenant="acme"} 4.0", possibly followed by an OpenMetrics exemplar ("# {trace_id=...} ...").
        Matcher m = Pattern.compile("^" + Pattern.quote(name + "{" + labels + "} ") + "(\\S+)",
                Pattern.MULTILINE).matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
