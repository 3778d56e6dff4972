package gov.planning.plan.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.planning.plan.notification.MailOutbox;
import gov.planning.plan.notification.OrgMembers;
import gov.planning.plan.notification.WebhookOutbox;
import gov.planning.plan.reminder.ReminderStore.Recorded;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The automatic reminders: once a day (Quartz, clustered on this service's database, so one replica fires each tick)
 * the rules are evaluated for "today", new reminders recorded and then delivered. Idempotent on its own as well: a
 * reminder already recorded under its natural key is neither recorded nor sent again, so two scans racing each other
 * (or a scan repeated after a restart) send each reminder once. Callable directly with any day (tests, operators).
 */
@ApplicationScoped
public class ReminderScan {

    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(ReminderScan.class);

    @Inject
    ReminderCandidates candidates;

    @Inject
    ReminderStore store;

    @Inject
    OrgMembers members;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    MailOutbox mail;

    @Inject
    WebhookOutbox webhooks;

    /** Records the reminders due on {@code today} that were not recorded before; answers those it recorded. */
    public Uni<List<Recorded>> scan(LocalDate today) {
        return candidates.on(today).chain(this::notYetRecorded).chain(fresh -> {
            if (fresh.isEmpty()) {
                return Uni.createFrom().item(List.<Recorded>of());
            }
            Set<String> roles = fresh.stream().map(Candidate::audienceRole).collect(Collectors.toSet());
            Set<UUID> orgs = fresh.stream().map(Candidate::orgId).collect(Collectors.toSet());
            return members.of(orgs, roles)
                    .chain(contacts -> store.record(fresh, contacts, today, ReminderStore.utc(clock.instant()), SYSTEM, null));
        });
    }

    /** Sends what is waiting: e-mails of notifications, then organizations' webhooks. */
    public Uni<Void> deliver() {
        return mail.deliver().chain(webhooks::deliver).replaceWithVoid();
    }

    @Scheduled(identity = "reminder-scan", cron = "{planning.reminders.cron}", timeZone = "{planning.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        LocalDate today = LocalDate.now(clock);
        return scan(today).invoke(done -> {
                    if (!done.isEmpty()) {
                        LOG.infof("reminder scan for %s recorded %d reminders", today, done.size());
                    }
                })
                .chain(this::deliver);
    }

    @Scheduled(identity = "reminder-delivery", every = "{planning.reminders.deliver-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retries() {
        return deliver();
    }

    /** Drops the candidates whose natural key is already recorded, before anyone is looked up for them. */
    private Uni<List<Candidate>> notYetRecorded(List<Candidate> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        UUID[] tasks = found.stream().map(Candidate::taskId).distinct().toArray(UUID[]::new);
        return pool.preparedQuery("SELECT rule, task_id, org_id, about, about_key, due FROM reminder WHERE task_id = ANY($1) AND rule <> 'MANUAL'")
                .execute(Tuple.of(tasks)).map(rows -> {
                    Set<String> recorded = new HashSet<>();
                    for (Row r : rows) {
                        recorded.add(key(r.getString("rule"), r.getUUID("task_id"), r.getUUID("org_id"), r.getString("about"),
                                r.getString("about_key"), r.getLocalDate("due")));
                    }
                    return found.stream().filter(c -> !recorded.contains(key(c.rule().name(), c.taskId(), c.orgId(),
                            c.about().name(), c.aboutKey(), c.due()))).distinct().toList();
                });
    }

    private static String key(String rule, UUID task, UUID org, String about, String aboutKey, LocalDate due) {
        return rule + "|" + task + "|" + org + "|" + about + "|" + aboutKey + "|" + due;
    }
}
