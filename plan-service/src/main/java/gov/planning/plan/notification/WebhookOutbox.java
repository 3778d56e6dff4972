package gov.planning.plan.notification;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Posts each reminder of an organization with a configured webhook once, after the reminder is committed: claimed
 * (PENDING → SENDING) so that one delivery posts it, then SENT, or FAILED once {@link WebhookSender}'s retries are
 * spent (logged; the reminder and its in-app notifications stay).
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class);

    @Inject
    Pool pool;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookSender sender;

    private record Pending(UUID id, String orgCode, String content) {
    }

    public Uni<Integer> deliver() {
        return pool.preparedQuery("""
                UPDATE reminder r SET webhook_status = 'SENDING'
                WHERE r.id IN (SELECT id FROM reminder WHERE webhook_status = 'PENDING' LIMIT 100 FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.org_code, r.title || E'\\n' || r.body AS text""").execute()
                .map(rows -> {
                    List<Pending> found = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        found.add(new Pending(r.getUUID("id"), r.getString("org_code"), r.getString("text")));
                    }
                    return found;
                })
                .chain(batch -> Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::post)
                        .collect().asList().map(done -> (int) done.stream().filter(ok -> ok).count()));
    }

    private Uni<Boolean> post(Pending p) {
        String url = config.urlOf(p.orgCode());
        Uni<Boolean> sent = url == null ? Uni.createFrom().item(false) : sender.post(url, p.content()).replaceWith(true);
        return sent.onFailure().recoverWithItem(e -> {
            LOG.warnf("webhook of %s for reminder %s failed after retries: %s", p.orgCode(), p.id(), e.getMessage());
            return false;
        }).call(ok -> pool.preparedQuery("UPDATE reminder SET webhook_status = $2 WHERE id = $1")
                .execute(Tuple.of(p.id(), ok ? "SENT" : "FAILED")));
    }
}
