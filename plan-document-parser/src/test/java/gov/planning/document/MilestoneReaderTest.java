package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilestoneReaderTest {

    @Test
    void expectedOutcomesBecomeDatedMilestones() {
        List<Milestone> ms = MilestoneReader.fromOutcomes("2014年底出台推进户籍制度改革的政策措施。2020年实现600万左右符合条件的农业转移人口落户城镇。");
        assertThat(ms).containsExactly(
                new Milestone(LocalDate.of(2014, 12, 31), "2014年底出台推进户籍制度改革的政策措施"),
                new Milestone(LocalDate.of(2020, 12, 31), "2020年实现600万左右符合条件的农业转移人口落户城镇"));
    }

    @Test
    void commaSeparatedDatedOutcomesAreSplitButADateLeadStaysWithItsClause() {
        List<Milestone> ms = MilestoneReader.fromOutcomes("2015年出台城市新区设立条件,2020年,南宁五象新区成为新的增长区域。");
        assertThat(ms).extracting(Milestone::dueDate)
                .containsExactly(LocalDate.of(2015, 12, 31), LocalDate.of(2020, 12, 31));
        assertThat(ms.get(1).description()).isEqualTo("2020年，南宁五象新区成为新的增长区域");
    }

    @Test
    void undatedOutcomeSharesThePreviousDate() {
        List<Milestone> ms = MilestoneReader.fromOutcomes("到2020年,平均每个县城建成区人口规模达到10万。将25个县市培育成为中小城市。");
        assertThat(ms).hasSize(2);
        assertThat(ms.get(1).dueDate()).isEqualTo(LocalDate.of(2020, 12, 31));
    }

    @Test
    void datedSentencesInsideATaskBody() {
        List<Milestone> ms = MilestoneReader.fromBody("简化审批流程，落实财政补助，2025年完成加装80部，2026年累计完成180部，2027年累计完成300部。");
        assertThat(ms).containsExactly(
                new Milestone(LocalDate.of(2025, 12, 31), "2025年完成加装80部"),
                new Milestone(LocalDate.of(2026, 12, 31), "2026年累计完成180部"),
                new Milestone(LocalDate.of(2027, 12, 31), "2027年累计完成300部"));
    }

    @Test
    void onlyClausesOpeningWithADateCountInABody() {
        assertThat(MilestoneReader.fromBody("全面排查2000年底前建成的城镇老旧小区。2015年以来成效明显。")).isEmpty();
        assertThat(MilestoneReader.fromBody("力争到2025年，基本完成改造。")).extracting(Milestone::dueDate)
                .containsExactly(LocalDate.of(2025, 12, 31));
        assertThat(MilestoneReader.fromBody("到“十四五”末，基本完成老旧小区改造。")).extracting(Milestone::dueDate)
                .containsExactly(LocalDate.of(2025, 12, 31));
    }

    @Test
    void taskCollectsMilestonesFromOutcomesAndDeadline() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("""
                二、重点任务
                （一）推进试点。开展试点。
                牵头单位：住建厅
                完成时限：长期坚持，2022年底取得阶段性成果
                预期成果：2021年出台方案。
                """);
        Task t = doc.tasks().get(0);
        assertThat(t.deadline().ongoing()).isTrue();
        assertThat(t.milestones()).extracting(Milestone::description)
                .containsExactly("2022年底取得阶段性成果", "2021年出台方案");
    }
}
