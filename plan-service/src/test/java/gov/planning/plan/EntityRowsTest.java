package gov.planning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.repository.EntityRows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lists read tasks, plans, milestones and task organizations as rows of the reactive SQL client (docs/decisions/0023):
 * each mapped field must be what Hibernate reads from the same row. The rows have a value in every column, and every
 * field Hibernate reads must be non-null here, so a column added to an entity but not to {@link EntityRows} fails.
 */
@QuarkusTest
class EntityRowsTest {

    @Inject
    Mutiny.SessionFactory hibernate;

    @Inject
    Pool pool;

    @Test
    void aTaskItsPlanMilestonesAndOrganizationsReadAsRowsEqualWhatHibernateReads() throws Throwable {
        UUID plan = UUID.randomUUID();
        UUID section = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        Db.update("INSERT INTO plan (id, title, kind, doc_number, issuer_id, issued_on, period_start, period_end, status, version,"
                + " created_by, created_at, updated_at, importing, report_cadence, report_due_day, report_grace_days)"
                + " VALUES (?, '行映射方案', 'IMPLEMENTATION_PLAN', '行映〔2026〕1号', ?, DATE '2026-03-02', 2026, 2030, 'PUBLISHED', 4,"
                + " 'planner', TIMESTAMPTZ '2026-03-01 08:00:00+08', TIMESTAMPTZ '2026-03-05 09:30:15.123456+08', false, 'MONTHLY', 20, 7)",
                plan, UUID.randomUUID());
        Db.update("INSERT INTO section (id, plan_id, number, heading, level, position) VALUES (?, ?, '一、', '总体要求', 1, 1)", section, plan);
        Db.update("INSERT INTO task (id, plan_id, section_id, number, position, title, description, deadline_date, deadline_ongoing,"
                + " deadline_text, status, report_cadence, version, created_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, '3', 7, '行映射任务', '说明', DATE '2027-12-31', true, '2027年底前', 'IN_PROGRESS', 'HALF_YEARLY', 2,"
                + " 'reporter', TIMESTAMPTZ '2026-03-06 10:00:00+08', TIMESTAMPTZ '2026-04-01 11:11:11.5+08')", task, plan, section);
        Db.update("INSERT INTO milestone (id, task_id, due_date, description, done, position) VALUES (?, ?, DATE '2026-09-30', '阶段成果', true, 2)",
                milestone, task);
        Db.update("INSERT INTO task_org (task_id, org_id, role, position) VALUES (?, ?, 'COOPERATING', 3)", task, org);

        assertSameFields(row("SELECT t.* FROM task t WHERE t.id = $1", task, EntityRows::task), hibernate(Task.class, task));
        assertSameFields(row("SELECT " + EntityRows.PLAN_AS_P + " FROM plan p WHERE p.id = $1", plan, EntityRows::plan),
                hibernate(Plan.class, plan));
        assertSameFields(row("SELECT * FROM milestone WHERE id = $1", milestone, EntityRows::milestone), hibernate(Milestone.class, milestone));
        TaskOrg.Key key = new TaskOrg.Key();
        key.taskId = task;
        key.orgId = org;
        assertSameFields(row("SELECT * FROM task_org WHERE task_id = $1", task, EntityRows::taskOrg), hibernate(TaskOrg.class, key));
    }

    private <T> T row(String sql, UUID id, Function<Row, T> mapper) {
        return mapper.apply(pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(30)).iterator().next());
    }

    private <T> T hibernate(Class<T> type, Object id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> hibernate.withSession(s -> s.find(type, id)));
    }

    /** Every public field of the entity (its own and inherited), Hibernate's value non-null and the row's equal to it. */
    private static void assertSameFields(Object fromRow, Object fromHibernate) throws IllegalAccessException {
        assertThat(fromHibernate).as("read by Hibernate").isNotNull();
        for (Field field : fromHibernate.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object expected = field.get(fromHibernate);
            assertThat(expected).as("%s.%s has a value in the test's row", field.getDeclaringClass().getSimpleName(), field.getName())
                    .isNotNull();
            assertThat(field.get(fromRow)).as("%s.%s", field.getDeclaringClass().getSimpleName(), field.getName()).isEqualTo(expected);
        }
    }
}
