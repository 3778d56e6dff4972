package gov.planning.plan.notification;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** One Vert.x web client for the calls notifications make (org-service's members, IM-robot webhooks). */
@Singleton
public class OutboundHttp {

    @Produces
    @Singleton
    WebClient client(Vertx vertx) {
        return WebClient.create(vertx);
    }

    void close(@Disposes WebClient client) {
        client.close();
    }
}
