package io.crmsync.bench.fault;

import io.crmsync.bench.PrometheusText;
import io.crmsync.bench.StackHttp;

import java.util.Map;

/** Reads one counter from a service's Prometheus page: the sum over the series of a name whose labels match. */
final class MetricsScrape {

    private final StackHttp http;

    MetricsScrape(StackHttp http) {
        this.http = http;
    }

    /** The counter's value, or -1 when the service did not answer. */
    double value(String serviceUrl, String name, Map<String, String> labels) {
        StackHttp.Reply reply = http.get(serviceUrl + "/q/metrics", null);
        return reply.status() == 200 ? PrometheusText.sum(reply.body(), name, labels) : -1;
    }
}
