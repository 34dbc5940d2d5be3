package io.crmsync.testkit;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Quarkus' OpenTelemetry extension exports to any {@code SpanExporter} bean: in tests, to memory.
 * Spans of other tests land here too, so pick them by name or trace id.
 */
@Dependent
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    public static List<SpanData> named(InMemorySpanExporter exporter, String nameFragment) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().contains(nameFragment)).toList();
    }
}
