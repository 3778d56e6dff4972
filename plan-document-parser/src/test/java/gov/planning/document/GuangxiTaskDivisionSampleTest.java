package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;

/** gx-2014-urbanization-task-division.txt: a task-division plan with labelled lines throughout. */
class GuangxiTaskDivisionSampleTest {

    private static ParsedPlanDocument doc;

    @BeforeAll
    static void parse() {
        doc = PlanDocumentParser.parse(SampleDocuments.read("gx-2014-urbanization-task-division.txt"));
    }

    @Test
    void headerAndNotice() {
        assertThat(doc.title()).isEqualTo("广西壮族自治区新型城镇化规划(2014—2020年)主要目标和重点任务分工方案");
        assertThat(doc.kind()).isEqualTo(PlanKind.TASK_DIVISION);
        assertThat(doc.docNumber()).isEqualTo("桂政办发〔2014〕94号");
        assertThat(doc.issuer()).isEqualTo("广西壮族自治区人民政府办公厅");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2014, 10, 1));
        assertThat(doc.period()).isEqualTo(new PlanPeriod(2014, 2020));
        assertThat(doc.notice().title()).endsWith("的通知");
    }

    @Test
    void outlineHasTenPartsAndSixtySixItems() {
        assertThat(doc.outline()).hasSize(10);
        assertThat(doc.outline().get(0).heading()).isEqualTo("目标指标");
        assertThat(doc.outline().get(0).kind()).isEqualTo(SectionKind.GOALS);
        assertThat(doc.outline().get(9).kind()).isEqualTo(SectionKind.SAFEGUARDS);
        long items = doc.allSections().stream().filter(s -> s.level() == 2).count();
        assertThat(items).isEqualTo(66);
    }

    @Test
    void sixteenIndicatorItemsEachWithLeadUnitsAndTargetYear2020() {
        assertThat(doc.indicators().stream().map(Indicator::itemNumber).distinct())
                .hasSize(16).startsWith("（一）").endsWith("（十六）");
        assertThat(doc.indicators()).allSatisfy(i -> {
            assertThat(i.leadOrgs()).isNotEmpty();
            assertThat(i.target().year()).isEqualTo(2020);
        });
        List<Indicator> first = doc.indicatorsOfItem("(一)");
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).satisfies(i -> {
            assertThat(i.name()).isEqualTo("常住人口城镇化率");
            assertThat(i.target().value()).isEqualTo(54);
            assertThat(i.unit()).isEqualTo("%");
            assertThat(i.comparator()).isEqualTo(Comparator.AT_LEAST);
            assertThat(i.leadOrgs()).containsExactly("自治区发展改革委", "住房城乡建设厅", "统计局");
            assertThat(i.cooperatingOrgs()).containsExactly("各市人民政府");
        });
        assertThat(first.get(1)).satisfies(i -> {
            assertThat(i.name()).isEqualTo("新增城镇常住人口");
            assertThat(i.target().value()).isEqualTo(700);
            assertThat(i.unit()).isEqualTo("万人");
            assertThat(i.comparator()).isEqualTo(Comparator.ABOUT);
        });
        assertThat(doc.indicatorsOfItem("（十）").get(0).unit()).isEqualTo("Mbps");
        assertThat(doc.indicatorsOfItem("（十二）")).extracting(Indicator::comparator, Indicator::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Comparator.AT_MOST, "平方公里"),
                        org.assertj.core.groups.Tuple.tuple(Comparator.AT_MOST, "平方米"));
        assertThat(doc.indicatorsOfItem("（九）")).hasSize(3);
    }

    @Test
    void tasksSeventeenToSixtyThreeEachWithALeadUnit() {
        assertThat(doc.tasks()).hasSize(47);
        assertThat(doc.tasks().get(0).number()).isEqualTo("（十七）");
        assertThat(doc.tasks().get(46).number()).isEqualTo("（六十三）");
        assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.leadOrgs()).as(t.number()).isNotEmpty());
        assertThat(doc.task("（六十四）")).isEmpty();
        assertThat(doc.warnings()).noneMatch(w -> w.contains("no lead unit"));
    }

    @Test
    void itemTwentyEightHasTwoLeadsAndFourCooperatingUnits() {
        Task t = doc.task("（二十八）").orElseThrow();
        assertThat(t.title()).isEqualTo("强化综合交通运输网络支撑");
        assertThat(t.leadOrgs()).containsExactly("自治区发展改革委", "交通运输厅");
        assertThat(t.cooperatingOrgs()).containsExactly("自治区铁建办", "南宁铁路局", "广西机场管理集团", "西江黄金水道办");
        assertThat(t.milestones()).containsExactly(
                new Milestone(LocalDate.of(2020, 12, 31), "到2020年基本形成城镇群“一纵三横”交通网络"));
    }

    @Test
    void expectedOutcomesBecomeMilestones() {
        Task t = doc.task("（十七）").orElseThrow();
        assertThat(t.milestones()).extracting(Milestone::dueDate)
                .containsExactly(LocalDate.of(2014, 12, 31), LocalDate.of(2020, 12, 31));
        assertThat(t.milestones().get(0).description()).isEqualTo("2014年底出台推进户籍制度改革的政策措施");
        assertThat(t.cooperatingOrgs()).containsExactly("各市、县(市、区)人民政府");
        assertThat(doc.task("（四十七）").orElseThrow().milestones()).hasSize(2); // labelled 预期成果 only
    }

    @Test
    void collectivesAndMixedSeparatorsInCooperatingLists() {
        assertThat(doc.task("（三十一）").orElseThrow().cooperatingOrgs()).containsExactly(
                "自治区发展改革委", "财政厅", "国土资源厅", "国家开发银行广西分行", "各市、县(市、区)人民政府");
        assertThat(doc.task("（四十三）").orElseThrow().leadOrgs()).first().isEqualTo("自治区“美丽办”");
    }
}
