package gov.planning.plan.notification;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts a text message to an IM group robot in the JSON 企业微信 and 钉钉 both accept
 * ({@code {"msgtype":"text","text":{"content":…}}}). Retried (SmallRye Fault Tolerance) on a failure or an answer
 * other than 2xx.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    WebClient client;

    @AsynchronousNonBlocking
    @Retry(maxRetries = 3, delay = 500, jitter = 200)
    @Timeout(10_000)
    public Uni<Void> post(String url, String content) {
        String payload = Json.createObjectBuilder().add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", content)).build().toString();
        return client.postAbs(url).putHeader("Content-Type", "application/json; charset=utf-8")
                .timeout(Duration.ofSeconds(5).toMillis()).sendBuffer(Buffer.buffer(payload))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
                    }
                    return null;
                });
    }
}
