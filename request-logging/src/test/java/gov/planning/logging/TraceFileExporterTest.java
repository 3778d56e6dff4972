package gov.planning.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class TraceFileExporterTest {

    @Test
    void everyFinishedSpanIsOneJsonLineNamingItsTraceItsParentAndItsService(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.spans.jsonl");
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "gateway")))
                .addSpanProcessor(SimpleSpanProcessor.create(new TraceFileExporter(Optional.of(file.toString())))).build()) {
            Tracer tracer = provider.get("test");
            Span server = tracer.spanBuilder("POST /graphql").setSpanKind(SpanKind.SERVER).startSpan();
            Span client = tracer.spanBuilder("POST plan-service").setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.current().with(server)).setAttribute("db.statement", "select \"x\"\n").startSpan();
            client.end();
            server.end();

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(2);
            String traceId = server.getSpanContext().getTraceId();
            assertThat(lines.get(0)).contains("\"traceId\":\"" + traceId + "\"")
                    .contains("\"parentSpanId\":\"" + server.getSpanContext().getSpanId() + "\"")
                    .contains("\"service\":\"gateway\"").contains("\"kind\":\"CLIENT\"")
                    .contains("\"db.statement\":\"select \\\"x\\\"\\n\"");
            assertThat(lines.get(1)).contains("\"traceId\":\"" + traceId + "\"").contains("\"parentSpanId\":\"\"")
                    .contains("\"name\":\"POST /graphql\"");
        }
    }
}
