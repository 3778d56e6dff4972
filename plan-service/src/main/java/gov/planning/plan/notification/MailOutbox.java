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
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the e-mails of notifications after the transaction that recorded them (an outbox in the notification table).
 * Each mail is claimed with {@code FOR UPDATE SKIP LOCKED} before it is sent, so concurrent deliveries on several
 * replicas send it once; a failure puts it back for the next delivery, up to {@code planning.reminders.mail-attempts}.
 * A replica dying between sending and marking leaves the mail claimed; it is retried after ten minutes (at-least-once
 * in that one case, since SMTP has no idempotency key). From {@code planning.reminders.digest-from} notifications
 * to one person in one sending (one scan, one 催办), one mail lists them all (docs/decisions/0025).
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);

    @Inject
    Pool pool;

    @Inject
    ReactiveMailer mailer;

    @Inject
    ReminderConfig config;

    @Location("reminders/mail.txt")
    Template mail;

    @Location("reminders/digest.txt")
    Template digest;

    private record Pending(UUID id, String username, String email, String title, String body, UUID taskId, int attempts,
            Instant createdAt) {
    }

    /** One person's mails of one sending (one scan, one person's 催办): its notifications share their created_at. */
    private record Sending(String username, String email, Instant createdAt) {
    }

    /** Notifications a claim takes first; the other pending ones of the same person and sending come with them. */
    private static final int CLAIM = 100;
    /** Waiting to be mailed, or claimed by a delivery that has not finished in ten minutes (its replica died). */
    private static final String CLAIMABLE = "(email_status = 'PENDING' OR (email_status = 'SENDING' AND email_claimed_at < now() - interval '10 minutes'))";
    /** Notifications a digest lists; it counts the rest and points to the inbox. */
    private static final int DIGEST_ITEMS = 100;

    /** Sends every pending mail; answers how many notifications went out by mail. */
    public Uni<Integer> deliver() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                : Sendings.inTurn(Sendings.of(batch, p -> new Sending(p.username(), p.email(), p.createdAt())), this::send)
                        .chain(sent -> batch.size() < CLAIM ? Uni.createFrom().item(sent) : deliver().map(more -> sent + more)));
    }

    private Uni<List<Pending>> claim() {
        // A sending to one person is claimed whole, so that it is one digest however it falls across claims.
        return pool.preparedQuery("""
                WITH first AS (
                    SELECT id, username, email, created_at FROM notification WHERE %1$s
                    ORDER BY created_at LIMIT %2$d FOR UPDATE SKIP LOCKED),
                rest AS (
                    SELECT id FROM notification WHERE %1$s
                      AND (username, email, created_at) IN (SELECT username, email, created_at FROM first)
                    FOR UPDATE SKIP LOCKED)
                UPDATE notification SET email_status = 'SENDING', email_claimed_at = now(), email_attempts = email_attempts + 1
                WHERE id IN (SELECT id FROM first UNION SELECT id FROM rest)
                RETURNING id, username, email, title, body, task_id, email_attempts, created_at""".formatted(CLAIMABLE, CLAIM)).execute()
                .map(rows -> {
                    List<Pending> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new Pending(r.getUUID("id"), r.getString("username"), r.getString("email"), r.getString("title"),
                                r.getString("body"), r.getUUID("task_id"), r.getInteger("email_attempts"),
                                r.getOffsetDateTime("created_at").toInstant()));
                    }
                    // RETURNING keeps no order: oldest first within a sending, as the inbox lists them.
                    found.sort(Comparator.comparing(Pending::createdAt).thenComparing(Pending::id));
                    return found;
                });
    }

    /** A sending's mails: one each, or one listing them all from {@code planning.reminders.digest-from}. */
    private Uni<Integer> send(List<Pending> sending) {
        return Sendings.digestOrEach(sending, config.digestFrom(), all -> mailed(all, digestOf(all)), p -> mailed(List.of(p), mailOf(p)));
    }

    private Mail mailOf(Pending p) {
        String text = mail.data("username", p.username()).data("body", p.body()).data("link", link(p.taskId())).render();
        return Mail.withText(p.email(), p.title(), text);
    }

    private Mail digestOf(List<Pending> sending) {
        Pending first = sending.get(0);
        StringBuilder items = new StringBuilder();
        List<Pending> listed = sending.subList(0, Math.min(sending.size(), DIGEST_ITEMS));
        for (int i = 0; i < listed.size(); i++) {
            String link = link(listed.get(i).taskId());
            items.append(i + 1).append(". ").append(listed.get(i).body()).append('\n')
                    .append(link == null ? "" : "   查看任务：" + link + "\n");
        }
        String text = digest.data("username", first.username()).data("count", sending.size()).data("items", items.toString())
                .data("more", sending.size() - listed.size()).data("inbox", config.consoleUrl().map(url -> base(url) + "/tasks").orElse(null))
                .render();
        return Mail.withText(first.email(), "【提醒汇总】" + sending.size() + " 条提醒：" + first.title() + " 等", text);
    }

    private String link(UUID taskId) {
        return config.consoleUrl().map(url -> base(url) + "/tasks/" + taskId).orElse(null);
    }

    private static String base(String url) {
        return url.replaceAll("/+$", "");
    }

    /** Sends one mail for the notifications and marks them: SENT, or back to PENDING (FAILED after the last attempt). */
    private Uni<Integer> mailed(List<Pending> notifications, Mail m) {
        int attempts = notifications.stream().mapToInt(Pending::attempts).max().orElse(0);
        UUID[] ids = notifications.stream().map(Pending::id).toArray(UUID[]::new);
        return mailer.send(m)
                .replaceWith(true)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("mail to %s (%d notifications from %s, attempt %d) failed: %s", m.getTo(), ids.length, ids[0], attempts,
                            e.getMessage());
                    return false;
                })
                .call(ok -> pool.preparedQuery("UPDATE notification SET email_status = $2 WHERE id = ANY($1)")
                        .execute(Tuple.of(ids, ok ? "SENT" : attempts >= config.mailAttempts() ? "FAILED" : "PENDING")))
                .map(ok -> ok ? ids.length : 0);
    }
}
