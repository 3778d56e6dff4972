package gov.planning.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;

/**
 * Writes every finished span as one JSON line to {@code tracing.file}, when it is set: traces on a
 * machine without a collector ({@code PLATFORM_TRACING=file ./platform up}), and what the system test reads back.
 * quarkus-opentelemetry finds it as a CDI {@link SpanExporter}, next to its OTLP exporter.
 */
@Singleton
@Unremovable
public class TraceFileExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(TraceFileExporter.class);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final Path file;

    public TraceFileExporter(@ConfigProperty(name = "tracing.file") Optional<String> file) {
        this.file = file.filter(f -> !f.isBlank()).map(Path::of).orElse(null);
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (file == null || spans.isEmpty()) {
            return CompletableResultCode.ofSuccess();
        }
        StringBuilder lines = new StringBuilder();
        for (SpanData span : spans) {
            lines.append(line(span)).append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            LOG.warnf("Cannot write spans to %s: %s", file, e.getMessage());
            return CompletableResultCode.ofFailure();
        }
    }

    static String line(SpanData span) {
        StringBuilder json = new StringBuilder("{");
        field(json, "traceId", span.getTraceId()).append(',');
        field(json, "spanId", span.getSpanId()).append(',');
        field(json, "parentSpanId", span.getParentSpanContext().isValid() ? span.getParentSpanId() : "").append(',');
        field(json, "service", String.valueOf(span.getResource().getAttribute(SERVICE_NAME))).append(',');
        field(json, "name", span.getName()).append(',');
        field(json, "kind", span.getKind().name()).append(',');
        field(json, "status", span.getStatus().getStatusCode().name()).append(',');
        json.append("\"startEpochNanos\":").append(span.getStartEpochNanos()).append(',');
        json.append("\"endEpochNanos\":").append(span.getEndEpochNanos()).append(",\"attributes\":{");
        boolean[] first = { true };
        span.getAttributes().forEach((key, value) -> {
            if (!first[0]) {
                json.append(',');
            }
            first[0] = false;
            field(json, key.getKey(), String.valueOf(value));
        });
        return json.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
