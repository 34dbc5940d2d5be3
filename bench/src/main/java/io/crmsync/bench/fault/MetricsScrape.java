package io.crmsync.bench.fault;

/**
 * Reads one counter from a service's Prometheus page: the sum over the series of {@code name}
 * whose labels contain {@code label} (e.g. {@code tenant="acme"}).
 */
final class MetricsScrape {

    private final StackHttp http;

    MetricsScrape(StackHttp http) {
        this.http = http;
    }

    /** The counter's value, or -1 when the service did not answer. */
    double value(String serviceUrl, String name, String label) {
        StackHttp.Reply reply = http.get(serviceUrl + "/q/metrics", null);
        if (reply.status() != 200) {
            return -1;
        }
        return sum(reply.body(), name, label);
    }

    static double sum(String page, String name, String label) {
        double total = 0;
        for (String line : page.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                // The value is the first field after the labels; an exemplar ("# {trace_id=…} 1.0 <time>") may follow it.
                total += Double.parseDouble(line.substring(line.indexOf('}') + 1).trim().split(" ")[0]);
            }
        }
        return total;
    }
}
