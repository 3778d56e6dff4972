package gov.planning.gateway.ledger;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.GatewayConfig;
import gov.planning.gateway.execution.ClientMessages;
import gov.planning.gateway.transport.SubgraphClient;
import gov.planning.logging.RequestLogContext;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ledger/**}: the ledger downloads (台账, xlsx) from plan-service's {@code /ledger/**}, through the
 * gateway's origin so a browser frontend needs one origin, one CORS rule and one token for everything. The body is
 * streamed (Vert.x pipe, with back-pressure), never held in memory; the caller's token goes along, and plan-service
 * decides what the caller may read. Statuses are kept; error bodies are the gateway's own JSON
 * ({@code errors[].extensions.code}) unless plan-service already answered in that shape, so no stack trace or
 * HTML page of a subgraph reaches the browser.
 */
@ApplicationScoped
public class LedgerProxy {

    private static final Logger LOG = Logger.getLogger(LedgerProxy.class);
    private static final String PREFIX = "/ledger/";
    /** Request headers plan-service needs; anything else the browser sent (cookies, origin) stays here. */
    private static final List<String> FORWARDED_REQUEST = List.of("Authorization", "Accept", "Accept-Language", "traceparent",
            "tracestate");
    private static final List<String> FORWARDED_RESPONSE = List.of("Content-Type", "Content-Length", "Content-Disposition",
            "Cache-Control", "ETag", "Last-Modified");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    SubgraphClient subgraphs;

    @Inject
    ObjectMapper mapper;

    private volatile HttpClient http;

    void route(@Observes Router router) {
        router.get(PREFIX + "*").handler(this::proxy);
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }

    private HttpClient http() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
                }
            }
        }
        return http;
    }

    private void proxy(RoutingContext rc) {
        // Vert.x routes by the normalized path ("..", "%2e%2e" resolved), so nothing outside /ledger/ is reachable.
        String path = rc.normalizedPath();
        String subgraph = config.ledger().subgraph();
        String graphqlUrl = subgraphs.url(subgraph);
        if (!path.startsWith(PREFIX) || graphqlUrl == null) {
            answer(rc, 404, "NOT_FOUND", "没有这个台账");
            return;
        }
        String refusal = rc.user() instanceof io.quarkus.vertx.http.runtime.security.QuarkusHttpUser user
                ? gov.planning.gateway.api.PendingAccounts.refusal(user.getSecurityIdentity()) : null;
        if (refusal != null) {
            answer(rc, 403, "FORBIDDEN", refusal);
            return;
        }
        URI target;
        try {
            // Next to the subgraph's GraphQL endpoint: http://plan-service:8080/graphql → http://plan-service:8080/ledger/…
            String query = rc.request().query();
            target = URI.create(graphqlUrl).resolve(path.substring(1) + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            answer(rc, 400, "BAD_REQUEST", "台账地址无效");
            return;
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target.toString())
                .setIdleTimeout(config.ledger().timeout().toMillis());
        for (String header : FORWARDED_REQUEST) {
            String value = rc.request().getHeader(header);
            if (value != null) {
                request.putHeader(header, value);
            }
        }
        String requestId = rc.response().headers().get(RequestLogContext.REQUEST_ID_HEADER);
        if (requestId != null) {
            request.putHeader(RequestLogContext.REQUEST_ID_HEADER, requestId);
        }
        http().request(request).compose(sent -> sent.send()).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("Ledger request to %s failed: %s", subgraph, result.cause().toString());
                boolean timeout = result.cause() instanceof java.util.concurrent.TimeoutException
                        || String.valueOf(result.cause().getMessage()).contains("timeout");
                answer(rc, timeout ? 504 : 502, timeout ? "SUBGRAPH_TIMEOUT" : "SUBGRAPH_UNAVAILABLE", "台账服务暂时不可用，请稍后再试");
                return;
            }
            HttpClientResponse response = result.result();
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                stream(rc, response);
            } else {
                refuse(rc, response, subgraph);
            }
        });
    }

    private void stream(RoutingContext rc, HttpClientResponse response) {
        var out = rc.response().setStatusCode(response.statusCode());
        for (String header : FORWARDED_RESPONSE) {
            String value = response.getHeader(header);
            if (value != null) {
                out.putHeader(header, value);
            }
        }
        if (response.getHeader("Content-Disposition") == null) {
            String name = rc.normalizedPath().substring(rc.normalizedPath().lastIndexOf('/') + 1);
            out.putHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        }
        if (response.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
        response.pipeTo(out);
    }

    /** A refusal keeps its status; its body is plan-service's only when it is already the platform's error shape. */
    private void refuse(RoutingContext rc, HttpClientResponse response, String subgraph) {
        int status = response.statusCode();
        response.body().onComplete(body -> {
            if (status < 500 && body.succeeded() && body.result().length() <= MAX_ERROR_BODY) {
                JsonNode errors = errors(body.result());
                if (errors != null) {
                    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(errors.toString());
                    return;
                }
            }
            String text = status == 400 && body.succeeded() ? plainText(response, body.result()) : null;
            if (text != null) {
                // plan-service names the filter and the rule, as for the GraphQL tasks query
                answer(rc, 400, "BAD_USER_INPUT", text);
                return;
            }
            switch (status) {
                case 400 -> answer(rc, 400, "BAD_REQUEST", "台账的筛选条件无效");
                case 401 -> answer(rc, 401, "UNAUTHENTICATED", "登录已失效，请重新登录");
                case 403 -> answer(rc, 403, "FORBIDDEN", "无权下载此台账");
                case 404 -> answer(rc, 404, "NOT_FOUND", "没有这个台账");
                default -> {
                    if (status < 500) {
                        answer(rc, status, "BAD_REQUEST", "台账请求无效");
                    } else {
                        LOG.warnf("Ledger request to %s answered HTTP %d", subgraph, status);
                        answer(rc, 502, "SUBGRAPH_BAD_RESPONSE", "台账服务出错，请稍后再试");
                    }
                }
            }
        });
    }

    /** A short plain-text message of plan-service's (a refused filter), unless it looks like internals. */
    private static String plainText(HttpClientResponse response, Buffer body) {
        String type = response.getHeader("Content-Type");
        if (type == null || !type.startsWith("text/plain") || body.length() == 0 || body.length() > 1_000) {
            return null;
        }
        String text = body.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.isEmpty() || ClientMessages.looksLikeJava(text) ? null : text;
    }

    /** The body if it is the platform's error shape (every error with a message and a code), else null. */
    private JsonNode errors(Buffer body) {
        try {
            JsonNode json = mapper.readTree(body.getBytes());
            JsonNode errors = json == null ? null : json.get("errors");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                return null;
            }
            for (JsonNode error : errors) {
                if (!error.path("message").isTextual() || !error.path("extensions").path("code").isTextual()) {
                    return null;
                }
            }
            return json;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void answer(RoutingContext rc, int status, String code, String message) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", message);
        error.set("extensions", mapper.valueToTree(Map.of("code", code)));
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.toString());
    }
}
