package gov.planning.plan.reminder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.plan.notification.OrgMembers.Contacts;
import gov.planning.plan.notification.OrgMembers.Member;
import gov.planning.plan.notification.WebhookConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records reminders and their in-app notifications in one transaction. A reminder whose natural key is already taken
 * (another scan, on this replica or another, or before a restart) is not inserted, and then neither are its
 * notifications: whatever is delivered afterwards was inserted exactly once. A muted e-mail category or a member
 * without an address is decided here, so the mail outbox only ever sees mails to send.
 */
@ApplicationScoped
public class ReminderStore {

    @Inject
    Pool pool;

    @Inject
    WebhookConfig webhooks;

    @Inject
    AuditTrail auditTrail;

    /** A reminder this call inserted, with the usernames it reached. */
    public record Recorded(UUID id, Candidate candidate, List<String> recipients) {
    }

    public Uni<List<Recorded>> record(List<Candidate> candidates, Map<UUID, Contacts> contacts, LocalDate today,
            OffsetDateTime now, String sentBy, String message) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(conn -> Multi.createFrom().iterable(candidates)
                .onItem().transformToUniAndConcatenate(c -> insert(conn, c, contacts.get(c.orgId()), today, now, sentBy, message))
                .collect().asList()
                .map(all -> all.stream().filter(r -> r != null).toList()));
    }

    private Uni<Recorded> insert(SqlConnection conn, Candidate c, Contacts org, LocalDate today, OffsetDateTime now,
            String sentBy, String message) {
        List<Member> members = org == null ? List.of() : org.withRole(c.audienceRole());
        String code = org == null ? null : org.code();
        String[] usernames = members.stream().map(Member::username).toArray(String[]::new);
        UUID id = UUID.randomUUID();
        ReminderTexts.Text text = ReminderTexts.of(c, today, sentBy, message);
        return conn.preparedQuery("""
                INSERT INTO reminder (id, rule, about, about_key, task_id, org_id, org_code, due, sent_by, message, recipients,
                                      sent_at, webhook_status, title, body)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                ON CONFLICT DO NOTHING RETURNING id""")
                .execute(Tuple.from(new Object[] { id, c.rule().name(), c.about().name(), c.aboutKey(), c.taskId(), c.orgId(),
                        code, c.due(), sentBy, message, usernames, now, webhooks.urlOf(code) == null ? "NONE" : "PENDING",
                        text.title(), text.body() }))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Recorded recorded = new Recorded(id, c, List.of(usernames));
                    Uni<Void> audited = c.rule() != ReminderRule.MANUAL ? Uni.createFrom().voidItem() : audit(conn, recorded, sentBy, message);
                    if (members.isEmpty()) {
                        return audited.replaceWith(recorded);
                    }
                    List<Tuple> batch = new ArrayList<>();
                    for (Member m : members) {
                        batch.add(Tuple.from(new Object[] { UUID.randomUUID(), id, m.username(), m.email(), c.rule().category.name(),
                                text.title(), text.body(), c.taskId(), now }));
                    }
                    return conn.preparedQuery("""
                            INSERT INTO notification (id, reminder_id, username, email, category, title, body, task_id, created_at,
                                                      email_status)
                            SELECT $1, $2, $3::varchar, $4::varchar, $5::varchar, $6, $7, $8, $9,
                                   CASE WHEN $4::varchar IS NULL OR $4::varchar = '' THEN 'NO_ADDRESS'
                                        WHEN EXISTS (SELECT 1 FROM notification_preference p
                                                     WHERE p.username = $3::varchar AND p.category = $5::varchar AND p.email_muted)
                                        THEN 'MUTED'
                                        ELSE 'PENDING' END""")
                            .executeBatch(batch).chain(() -> audited).replaceWith(recorded);
                });
    }

    /** A person's 催办 is a write like any other: audited with the reminder it recorded, in the same transaction. */
    private Uni<Void> audit(SqlConnection conn, Recorded r, String actor, String message) {
        AuditSnapshot after = AuditSnapshot.of("Task", r.candidate().taskId()).put("reminderId", r.id())
                .put("orgId", r.candidate().orgId()).put("message", message).put("recipients", r.recipients());
        return auditTrail.append(conn, AuditEvent.of(actor, "REMIND", null, after));
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
