package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;

/**
 * nmg-2021-urban-renewal-guidance.txt: a guidance extracted from PDF, cut at a fixed width with
 * blank lines between the pieces, page numbers, and a 抄送/印发 footer. It names no units at all.
 */
class InnerMongolia2021GuidanceSampleTest {

    private static ParsedPlanDocument doc;

    @BeforeAll
    static void parse() {
        doc = PlanDocumentParser.parse(SampleDocuments.read("nmg-2021-urban-renewal-guidance.txt"));
    }

    @Test
    void headerWithoutCoveringNotice() {
        assertThat(doc.title()).isEqualTo("内蒙古自治区人民政府办公厅关于实施城市更新行动的指导意见");
        assertThat(doc.kind()).isEqualTo(PlanKind.GUIDANCE);
        assertThat(doc.docNumber()).isEqualTo("内政办发〔2021〕40号");
        assertThat(doc.issuer()).isEqualTo("内蒙古自治区人民政府办公厅");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2021, 9, 3));
        assertThat(doc.period()).isNull();
        assertThat(doc.notice().addressees()).isEqualTo("各盟行政公署、市人民政府，自治区各委、办、厅、局，各大企业、事业单位");
        assertThat(doc.notice().copiedTo()).contains("内蒙古军区", "新闻单位");
        assertThat(doc.notice().printedBy()).startsWith("内蒙古自治区人民政府办公厅文电处");
    }

    @Test
    void outlineOfFourPartsWithNumberedTasks() {
        assertThat(doc.outline()).extracting(Section::heading).containsExactly("总体要求", "重点任务", "工作措施", "组织保障");
        Section keyTasks = doc.outline().get(1);
        assertThat(keyTasks.children()).hasSize(5);
        assertThat(keyTasks.children()).extracting(s -> s.children().size()).containsExactly(5, 4, 4, 2, 2);
        assertThat(doc.tasks()).hasSize(20);
        assertThat(doc.tasks().get(0).title()).isEqualTo("完善空间布局");
        assertThat(doc.tasks().get(0).sectionPath()).containsExactly("二、重点任务", "（一）建设宜居舒适城市");
        assertThat(doc.tasks().get(19).number()).isEqualTo("（三）");
        assertThat(doc.tasks().get(19).title()).isEqualTo("开展实施效果评估");
        assertThat(doc.outline().get(3).children()).allSatisfy(s -> assertThat(s.tasks()).isEmpty());
    }

    @Test
    void wrappedLinesAreRejoinedAcrossBlankLinesAndPageNumbers() {
        Task houses = doc.tasks().get(2);
        assertThat(houses.title()).isEqualTo("推动老旧房屋改造");
        assertThat(houses.body()).contains("危旧楼房，通过翻建").contains("鼓励老办公楼").doesNotContain("- 3 -");
        assertThat(doc.outline().get(0).text()).contains("到2023年底，全区设市城市均形成更新示范片区");
    }

    @Test
    void fourteenthFiveYearPlanEndIsAMilestone() {
        Task estates = doc.tasks().get(1);
        assertThat(estates.milestones()).containsExactly(
                new Milestone(LocalDate.of(2025, 12, 31), "到“十四五”末，基本完成2005年底前建成的老旧小区改造"));
    }

    @Test
    void everyTaskWithoutUnitsIsReported() {
        assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.leadOrgs()).isEmpty());
        assertThat(doc.warnings()).filteredOn(w -> w.contains("no lead unit")).hasSize(20);
        assertThat(doc.warnings()).anyMatch(w -> w.contains("（二）打造绿色低碳城市 › 1.") && w.contains("推动园林绿化建设"));
    }
}
