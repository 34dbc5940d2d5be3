package io.crmsync.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names the services expose for their own meters, read from their Micrometer
 * registrations in main source: {@code registry.counter("crmsync.a.b", ...)}, {@code Counter.builder(NAME)},
 * {@code Timer.builder}, {@code Gauge.builder}, {@code registry.gauge}, also through a constant or a
 * small helper method that passes its name parameter on. Micrometer's Prometheus naming: dots become
 * underscores, counters get {@code _total}, timers {@code _seconds_count|_sum|_max|_bucket}, gauges
 * stay as they are.
 */
final class MeterCatalogue {

    enum Type { COUNTER, GAUGE, TIMER, SUMMARY }

    private static final String NAME = "\"(crmsync(?:\\.[a-z0-9]+)+)\"";
    private static final Pattern METER_CALL = Pattern.compile(
            "(registry\\.counter|Counter\\.builder|FunctionCounter\\.builder|registry\\.gauge|Gauge\\.builder"
                    + "|registry\\.timer|Timer\\.builder|registry\\.summary|DistributionSummary\\.builder)\\(\\s*(?:" + NAME + "|(\\w+))");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*" + NAME + "\\s*;");
    private static final Pattern METHOD = Pattern.compile("\\n\\s*(?:private |public |protected |static |final )*[\\w<>\\[\\], ]+ (\\w+)\\(([^)]*)\\)\\s*(?:throws [\\w., ]+)?\\{");

    private final Map<String, Type> meters;

    private MeterCatalogue(Map<String, Type> meters) {
        this.meters = Map.copyOf(meters);
    }

    /** Scans {@code <root>/<module>/src/main/java} of each module. */
    static MeterCatalogue scan(Path root, List<String> modules) {
        Map<String, Type> meters = new HashMap<>();
        for (String module : modules) {
            Path sources = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    scanFile(Files.readString(file), meters);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new MeterCatalogue(meters);
    }

    private static void scanFile(String source, Map<String, Type> meters) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher call = METER_CALL.matcher(source);
        while (call.find()) {
            Type type = typeOf(call.group(1));
            if (call.group(2) != null) {
                meters.put(call.group(2), type);
            } else if (constants.containsKey(call.group(3))) {
                meters.put(constants.get(call.group(3)), type);
            } else {
                // A helper's parameter: every call of that helper names a meter of this type.
                String helper = enclosingMethodTaking(source, call.start(), call.group(3));
                if (helper != null) {
                    Matcher use = Pattern.compile("\\b" + helper + "\\(([^;]*?)" + NAME).matcher(source);
                    while (use.find()) {
                        meters.put(use.group(2), type);
                    }
                }
            }
        }
    }

    private static String enclosingMethodTaking(String source, int position, String parameter) {
        Matcher method = METHOD.matcher(source);
        String enclosing = null;
        while (method.find() && method.start() < position) {
            enclosing = method.group(2).matches(".*\\bString " + parameter + "\\b.*") ? method.group(1) : null;
        }
        return enclosing;
    }

    private static Type typeOf(String call) {
        String lower = call.toLowerCase();
        if (lower.contains("counter")) {
            return Type.COUNTER;
        }
        if (lower.contains("gauge")) {
            return Type.GAUGE;
        }
        return lower.contains("timer") ? Type.TIMER : Type.SUMMARY;
    }

    /** Every name a scrape of /q/metrics can show for these meters. */
    Set<String> prometheusNames() {
        Set<String> names = new TreeSet<>();
        meters.forEach((name, type) -> {
            String base = name.replace('.', '_');
            switch (type) {
                case COUNTER -> names.add(base + "_total");
                case GAUGE -> names.add(base);
                case TIMER -> List.of("_count", "_sum", "_max", "_bucket").forEach(s -> names.add(base + "_seconds" + s));
                case SUMMARY -> List.of("_count", "_sum", "_max", "_bucket").forEach(s -> names.add(base + s));
            }
        });
        return names;
    }

    Map<String, Type> meters() {
        return meters;
    }

    /** The {@code crmsync_*} names a PromQL text uses. */
    static List<String> namesIn(String promql) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(crmsync_[a-z0-9_]+)\\b").matcher(promql);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
