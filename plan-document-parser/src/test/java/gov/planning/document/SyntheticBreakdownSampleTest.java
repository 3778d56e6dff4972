package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;

/** synthetic-breakdown-table.txt: notice, 责任单位 lines with （牵头） marks, and a tab-separated annex table. */
class SyntheticBreakdownSampleTest {

    private static ParsedPlanDocument doc;

    @BeforeAll
    static void parse() {
        doc = PlanDocumentParser.parse(SampleDocuments.read("synthetic-breakdown-table.txt"));
    }

    @Test
    void header() {
        assertThat(doc.title()).isEqualTo("示例市老旧小区改造三年行动任务分工方案（2025—2027年）");
        assertThat(doc.docNumber()).isEqualTo("示政办发〔2025〕12号");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(doc.issuer()).isEqualTo("示例市人民政府办公室");
        assertThat(doc.periodStart()).isEqualTo(2025);
        assertThat(doc.periodEnd()).isEqualTo(2027);
        assertThat(doc.kind()).isEqualTo(PlanKind.TASK_DIVISION);
    }

    @Test
    void fourTasksWithLeadsDeadlinesAndMilestones() {
        assertThat(doc.tasks()).extracting(Task::number).containsExactly("（一）", "（二）", "（三）", "（四）");
        Task first = doc.tasks().get(0);
        assertThat(first.deadline().date()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(first.leadOrgs()).containsExactly("市住房和城乡建设局");
        assertThat(first.cooperatingOrgs()).containsExactly("各区县人民政府");

        Task second = doc.tasks().get(1);
        assertThat(second.deadline()).isEqualTo(new Deadline(null, true, "每年1月底前"));
        assertThat(second.cooperatingOrgs()).containsExactly("市发展和改革委员会", "市财政局");

        Task elevator = doc.task("（三）").orElseThrow();
        assertThat(elevator.title()).isEqualTo("推进既有住宅加装电梯");
        assertThat(elevator.leadOrgs()).containsExactly("市住房和城乡建设局", "市市场监督管理局");
        assertThat(elevator.cooperatingOrgs()).containsExactly("市自然资源局", "各区县人民政府");
        assertThat(elevator.deadline().date()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(elevator.milestones()).extracting(Milestone::description)
                .containsExactly("2025年完成加装80部", "2026年累计完成180部", "2027年累计完成300部");

        assertThat(doc.tasks().get(3).deadline().ongoing()).isTrue();
        assertThat(doc.warnings()).isEmpty();
    }

    @Test
    void goalsSentenceGivesFiveIndicators() {
        assertThat(doc.indicators()).extracting(Indicator::name).containsExactly(
                "累计改造城镇老旧小区", "惠及居民", "既有住宅加装电梯", "老旧小区改造后物业管理覆盖率", "城镇供水管网漏损率");
        assertThat(doc.indicators().get(0).target()).isEqualTo(new Measure(360, 2027));
        assertThat(doc.indicators().get(2).comparator()).isEqualTo(Comparator.AT_LEAST);
        Indicator coverage = doc.indicators().get(3);
        assertThat(coverage.baseline()).isEqualTo(new Measure(52, 2024));
        assertThat(coverage.target()).isEqualTo(new Measure(85, 2027));
        assertThat(doc.indicators().get(4).comparator()).isEqualTo(Comparator.AT_MOST);
    }

    @Test
    void annexTableHasFiveRegionsThreeYearsAndAMatchingTotalOf360() {
        assertThat(doc.regionalTables()).hasSize(1);
        BreakdownTable t = doc.regionalTables().get(0);
        assertThat(t.title()).isEqualTo("示例市老旧小区改造任务分解表");
        assertThat(t.unit()).isEqualTo("个");
        assertThat(t.periods()).containsExactly("2025年", "2026年", "2027年");
        assertThat(t.rows()).extracting(RegionalRow::regionName)
                .containsExactly("东城区", "西城区", "南湖区", "北山县", "青河县");
        assertThat(t.rows().get(0).values()).containsExactly(30.0, 35.0, 35.0);
        assertThat(t.totals()).containsExactly(100.0, 130.0, 130.0);
        assertThat(t.grandTotal()).isEqualTo(360.0);
        assertThat(t.totalsMatch()).isTrue();
    }
}
