package io.crmsync.bench;

import java.util.Map;

/** Reads counters out of a Prometheus text exposition ({@code /q/metrics}). */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The sum of every sample of {@code metric} whose labels include all of {@code labels}. */
    public static double sum(String exposition, String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            String labelText = "";
            if (rest.startsWith("{")) {
                int end = rest.indexOf('}');
                labelText = rest.substring(1, end);
                rest = rest.substring(end + 1);
            } else if (!rest.startsWith(" ")) {
                continue; // another metric whose name starts with this one
            }
            if (hasLabels(labelText, labels)) {
                sum += Double.parseDouble(rest.trim().split(" ")[0]);
            }
        }
        return sum;
    }

    private static boolean hasLabels(String labelText, Map<String, String> labels) {
        return labels.entrySet().stream().allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""));
    }
}
