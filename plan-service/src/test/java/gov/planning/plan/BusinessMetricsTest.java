package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.plan.metrics.BusinessMetrics;
import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The business metrics of the ops dashboard: what a scrape of /q/metrics shows after users act. */
@QuarkusTest
class BusinessMetricsTest {

    private static final String ADMIN = TestTokens.admin();

    @Inject
    TestClock clock;

    @Inject
    BusinessMetrics metrics;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    private double submitted() {
        return registry.get("planning.reports.submitted").counter().count();
    }

    private long overdue() {
        long counted = metrics.countOverdueTasks().await().indefinitely();
        assertThat(registry.get("planning.tasks.overdue").gauge().value()).isEqualTo(counted);
        return counted;
    }

    @Test
    void anAcceptedReportCountsARejectedOneDoesNot() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String task = Api.newTask(plan, List.of("nmg.zjt"), List.of(), null);
        double before = submitted();

        assertThat(Api.submit(ADMIN, task, "nmg.zjt", Api.thisQuarter(), 10, "已启动").getString("errors")).isNull();
        assertThat(submitted()).isEqualTo(before + 1);

        assertThat(Api.submit(ADMIN, task, "nmg.zjt", Api.thisQuarter(), 20, "同一期间再报").getString("errors"))
                .as("the period already has an open report").isNotNull();
        assertThat(submitted()).isEqualTo(before + 1);
    }

    @Test
    void overdueCountsPublishedTasksPastTheirDeadlineThatAreNotCompleted() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        long before = overdue();
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-08-01");
        String completed = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2025-07-01");
        Api.newTask(plan, List.of("nmg.gat"), List.of(), "2025-09-01");
        assertThat(Api.setStatus(ADMIN, completed, 0, "COMPLETED").getString("errors")).isNull();
        assertThat(overdue()).as("a draft plan's tasks are not overdue yet").isEqualTo(before);

        assertThat(post(ADMIN, "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan)).getString("errors")).isNull();
        assertThat(overdue()).as("only the task due 2025-08-01 and not completed").isEqualTo(before + 1);

        clock.setToday(LocalDate.of(2025, 9, 2));
        assertThat(overdue()).as("the task due 2025-09-01 too").isEqualTo(before + 2);
    }

    @Test
    void bothAreInTheScrape() {
        String scrape = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("planning_reports_submitted_total", "planning_tasks_overdue");
    }
}
