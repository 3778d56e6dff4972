package gov.planning.plan.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.planning.plan.reminder.ReminderConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Posts each reminder of an organization with a configured webhook once, after the reminder is committed: claimed
 * (PENDING → SENDING) so that one delivery posts it, then SENT, or FAILED once {@link WebhookSender}'s retries are
 * spent (logged; the reminder and its in-app notifications stay). From {@code planning.reminders.digest-from} reminders
 * of one organization in one sending, one message names them (docs/decisions/0025).
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

    @Inject
    ReminderConfig reminders;

    private record Pending(UUID id, String orgCode, Instant sentAt, String title, String body) {
    }

    /** One organization's reminders of one sending (one scan, one person's 催办): they share their sent_at. */
    private record Sending(String orgCode, Instant sentAt) {
    }

    /** Reminders a claim takes first; the other pending ones of the same organization and sending come with them. */
    private static final int CLAIM = 100;
    /** Reminders a digest names: IM robots refuse long messages (企业微信's text: 2,048 bytes). */
    private static final int DIGEST_ITEMS = 10;

    public Uni<Integer> deliver() {
        return pool.preparedQuery("""
                WITH first AS (
                    SELECT id, org_code, sent_at FROM reminder WHERE webhook_status = 'PENDING'
                    ORDER BY sent_at LIMIT %d FOR UPDATE SKIP LOCKED),
                rest AS (
                    SELECT r.id FROM reminder r WHERE r.webhook_status = 'PENDING'
                      AND (r.org_code, r.sent_at) IN (SELECT org_code, sent_at FROM first)
                    FOR UPDATE SKIP LOCKED)
                UPDATE reminder r SET webhook_status = 'SENDING'
                WHERE r.id IN (SELECT id FROM first UNION SELECT id FROM rest)
                RETURNING r.id, r.org_code, r.sent_at, r.title, r.body""".formatted(CLAIM)).execute()
                .map(rows -> {
                    List<Pending> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new Pending(r.getUUID("id"), r.getString("org_code"), r.getOffsetDateTime("sent_at").toInstant(),
                                r.getString("title"), r.getString("body")));
                    }
                    found.sort(Comparator.comparing(Pending::sentAt).thenComparing(Pending::id));
                    return Sendings.of(found, p -> new Sending(p.orgCode(), p.sentAt()));
                })
                .chain(batch -> Sendings.inTurn(batch, this::post));
    }

    /** A sending's reminders, one message each, or one message naming them from {@code planning.reminders.digest-from}. */
    private Uni<Integer> post(List<Pending> sending) {
        return Sendings.digestOrEach(sending, reminders.digestFrom(), all -> posted(all, digestOf(all)),
                p -> posted(List.of(p), p.title() + "\n" + p.body()));
    }

    private static String digestOf(List<Pending> sending) {
        StringBuilder text = new StringBuilder("【提醒汇总】").append(sending.size()).append(" 条提醒\n").append(sending.get(0).body());
        List<Pending> named = sending.subList(0, Math.min(sending.size(), DIGEST_ITEMS));
        for (int i = 0; i < named.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(named.get(i).title());
        }
        if (sending.size() > named.size()) {
            text.append("\n……另有 ").append(sending.size() - named.size()).append(" 条，请登录平台查看。");
        }
        return text.toString();
    }

    /** Posts one message for the reminders and marks them SENT, or FAILED once the sender's retries are spent. */
    private Uni<Integer> posted(List<Pending> sending, String content) {
        String orgCode = sending.get(0).orgCode();
        String url = config.urlOf(orgCode);
        UUID[] ids = sending.stream().map(Pending::id).toArray(UUID[]::new);
        Uni<Boolean> sent = url == null ? Uni.createFrom().item(false) : sender.post(url, content).replaceWith(true);
        return sent.onFailure().recoverWithItem(e -> {
            LOG.warnf("webhook of %s for %d reminders from %s failed after retries: %s", orgCode, ids.length, ids[0], e.getMessage());
            return false;
        }).call(ok -> pool.preparedQuery("UPDATE reminder SET webhook_status = $2 WHERE id = ANY($1)")
                .execute(Tuple.of(ids, ok ? "SENT" : "FAILED")))
                .map(ok -> ok ? ids.length : 0);
    }
}
