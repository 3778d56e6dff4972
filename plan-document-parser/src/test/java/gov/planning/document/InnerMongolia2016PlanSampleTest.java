package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;

/**
 * nmg-2016-urbanization-plan.txt: a ten-chapter plan taken from a web page. Tasks are unnumbered
 * paragraphs that end with their units in parentheses; the main targets are ——bullets under
 * 第三节 发展目标 (the page's indicator table did not survive extraction, see README).
 */
class InnerMongolia2016PlanSampleTest {

    private static ParsedPlanDocument doc;

    @BeforeAll
    static void parse() {
        doc = PlanDocumentParser.parse(SampleDocuments.read("nmg-2016-urbanization-plan.txt"));
    }

    @Test
    void headerFromNoticeAndWebPage() {
        assertThat(doc.title()).isEqualTo("内蒙古自治区“十三五”新型城镇化规划");
        assertThat(doc.kind()).isEqualTo(PlanKind.PLAN);
        assertThat(doc.issuer()).isEqualTo("内蒙古自治区人民政府");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2016, 12, 15));
        assertThat(doc.period()).isEqualTo(new PlanPeriod(2016, 2020));
        assertThat(doc.docNumber()).isNull();
        assertThat(doc.notice().title()).isEqualTo("内蒙古自治区人民政府关于印发自治区“十三五”新型城镇化规划的通知");
    }

    @Test
    void tenChaptersWithTheirSections() {
        assertThat(doc.outline()).hasSize(10);
        assertThat(doc.outline()).extracting(Section::number).startsWith("第一章").endsWith("第十章");
        assertThat(doc.outline().get(0).kind()).isEqualTo(SectionKind.BACKGROUND);
        assertThat(doc.outline().get(1).children().get(2).kind()).isEqualTo(SectionKind.GOALS);
        assertThat(doc.outline().get(2).children()).hasSize(6);
        assertThat(doc.outline().get(8).children().get(1).heading()).isEqualTo("深化土地管理制度改革");
        assertThat(doc.outline().get(9).kind()).isEqualTo(SectionKind.SAFEGUARDS);
        assertThat(doc.allSections()).hasSize(10 + 40);
    }

    @Test
    void paragraphTasksWithTrailingUnits() {
        assertThat(doc.tasks()).hasSize(86);
        assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.leadOrgs()).as(t.title()).isNotEmpty());
        Task first = doc.tasks().get(0);
        assertThat(first.title()).isEqualTo("放宽落户限制");
        assertThat(first.leadOrgs()).containsExactly("公安厅");
        assertThat(first.sectionPath()).containsExactly("第三章有序推进农牧业转移人口市民化进程", "第一节鼓励符合条件的农牧业人口落户城镇");
        assertThat(first.milestones()).extracting(Milestone::dueDate).containsExactly(LocalDate.of(2020, 12, 31));
        Task cityCluster = doc.tasks().stream().filter(t -> t.title().equals("呼包鄂城市群")).findFirst().orElseThrow();
        assertThat(cityCluster.leadOrgs()).containsExactly("发改委", "住建厅", "民政厅");
        // A paragraph cut in two by the web page is one task.
        Task costs = doc.tasks().stream().filter(t -> t.title().equals("合理确定各级政府职责")).findFirst().orElseThrow();
        assertThat(costs.body()).contains("农牧业人口跨省区").doesNotContain("（自治区政府办公厅）");
        assertThat(costs.leadOrgs()).containsExactly("自治区政府办公厅");
        assertThat(doc.outline().get(9).children()).allSatisfy(s -> assertThat(s.tasks()).isEmpty());
    }

    @Test
    void mainTargetsFromTheGoalsBulletsWithBaselineFromTheBackground() {
        Indicator registered = doc.indicators().get(0);
        assertThat(registered.name()).isEqualTo("户籍人口城镇化率");
        assertThat(registered.comparator()).isEqualTo(Comparator.ABOUT);
        assertThat(registered.target()).isEqualTo(new Measure(50, 2020));
        assertThat(registered.baseline()).isEqualTo(new Measure(44.16, 2015));
        Indicator resident = doc.indicators().get(1);
        assertThat(resident.name()).isEqualTo("常住人口城镇化率");
        assertThat(resident.target()).isEqualTo(new Measure(65, 2020));
        assertThat(doc.indicators()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("城市数量");
            assertThat(i.target().value()).isEqualTo(25);
            assertThat(i.unit()).isEqualTo("个");
        });
        assertThat(doc.indicators()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("建成区绿地率");
            assertThat(i.target()).isEqualTo(new Measure(35, 2020));
            assertThat(i.leadOrgs()).containsExactly("住建厅", "林业厅", "环保厅");
        });
        // Background figures are past values, never targets.
        assertThat(doc.indicators()).noneMatch(i -> i.target().value() == 44.16);
    }

    @Test
    void webPageJunkIsNotContent() {
        assertThat(doc.allSections()).noneMatch(s -> s.text().contains("打印关闭收藏") || s.text().contains("上一篇"));
        assertThat(doc.regionalTables()).isEmpty();
    }
}
