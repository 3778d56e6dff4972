package gov.planning.plan.notification;

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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the e-mails of notifications after the transaction that recorded them (an outbox in the notification table).
 * Each mail is claimed with {@code FOR UPDATE SKIP LOCKED} before it is sent, so concurrent deliveries on several
 * replicas send it once; a failure puts it back for the next delivery, up to {@code planning.reminders.mail-attempts}.
 * A replica dying between sending and marking leaves the mail claimed; it is retried after ten minutes (at-least-once
 * in that one case, since SMTP has no idempotency key).
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

    private record Pending(UUID id, String username, String email, String title, String body, UUID taskId, int attempts) {
    }

    /** Sends every pending mail; answers how many went out. */
    public Uni<Integer> deliver() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::send)
                        .collect().asList().map(sent -> (int) sent.stream().filter(ok -> ok).count())
                        .chain(sent -> batch.size() < 100 ? Uni.createFrom().item(sent) : deliver().map(more -> sent + more)));
    }

    private Uni<List<Pending>> claim() {
        return pool.preparedQuery("""
                UPDATE notification SET email_status = 'SENDING', email_claimed_at = now(), email_attempts = email_attempts + 1
                WHERE id IN (SELECT id FROM notification
                             WHERE email_status = 'PENDING' OR (email_status = 'SENDING' AND email_claimed_at < now() - interval '10 minutes')
                             ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED)
                RETURNING id, username, email, title, body, task_id, email_attempts""").execute()
                .map(rows -> {
                    List<Pending> found = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        found.add(new Pending(r.getUUID("id"), r.getString("username"), r.getString("email"), r.getString("title"),
                                r.getString("body"), r.getUUID("task_id"), r.getInteger("email_attempts")));
                    }
                    return found;
                });
    }

    private Uni<Boolean> send(Pending p) {
        String link = config.consoleUrl().map(url -> url.replaceAll("/+$", "") + "/tasks/" + p.taskId()).orElse(null);
        String text = mail.data("username", p.username()).data("body", p.body()).data("link", link).render();
        return mailer.send(Mail.withText(p.email(), p.title(), text))
                .replaceWith(true)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("mail to %s (notification %s, attempt %d) failed: %s", p.email(), p.id(), p.attempts(), e.getMessage());
                    return false;
                })
                .call(ok -> pool.preparedQuery("UPDATE notification SET email_status = $2 WHERE id = $1")
                        .execute(Tuple.of(p.id(), ok ? "SENT" : p.attempts() >= config.mailAttempts() ? "FAILED" : "PENDING")));
    }
}
