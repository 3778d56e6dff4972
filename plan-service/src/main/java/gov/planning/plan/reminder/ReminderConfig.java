package gov.planning.plan.reminder;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code planning.reminders.*}: when the automatic reminders (催办) fire and how often the scan runs. */
@ConfigMapping(prefix = "planning.reminders")
public interface ReminderConfig {

    /** A reminder goes out this many days before a report, deadline or milestone falls due (and again on the day). */
    @WithDefault("3")
    int daysBefore();

    /** An overdue task is escalated to the lead and issuing organizations' planners after this many days. */
    @WithDefault("7")
    int escalateAfterDays();

    /**
     * How far back the scan looks for due dates it has not reminded of yet (after an outage, a missed day is caught
     * up once; older ones are left alone rather than flooding inboxes).
     */
    @WithDefault("30")
    int lookBackDays();

    /** Quartz cron of the scan (in {@code planning.time-zone}); {@code off} disables it. */
    @WithDefault("0 0 8 * * ?")
    String cron();

    /** How often pending e-mails and webhooks are (re)tried. */
    @WithDefault("60s")
    String deliverEvery();

    /** Attempts per e-mail before it is marked FAILED. */
    @WithDefault("5")
    int mailAttempts();

    /**
     * From this many e-mails to one person, or reminders to one organization's IM robot, in one sending (one scan, one
     * person's 催办), one e-mail or message lists them all: a department's 催办 reminds it of every open task, 1,969
     * e-mails to one reporter at a province's scale (bench/scale, docs/decisions/0025).
     */
    @WithDefault("10")
    int digestFrom();

    /** The console's address, for the link in mails (none: no link). */
    Optional<String> consoleUrl();
}
