package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineReaderTest {

    private static Deadline read(String text) {
        return DeadlineReader.read(text).deadline();
    }

    @Test
    void fullDateWithBefore() {
        assertThat(read("2025年6月30日前")).isEqualTo(new Deadline(LocalDate.of(2025, 6, 30), false, "2025年6月30日前"));
        assertThat(read("2022年7月31日前").date()).isEqualTo(LocalDate.of(2022, 7, 31));
    }

    @Test
    void yearAloneMeansYearEnd() {
        assertThat(read("2020年").date()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(read("2022年底前").date()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(read("2022年底").date()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(read("2022 年底").date()).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void monthLevelMeansLastDayOfMonth() {
        assertThat(read("2023年6月底").date()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(read("2024年2月底前").date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(read("2023年上半年").date()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(read("2023年第三季度").date()).isEqualTo(LocalDate.of(2023, 9, 30));
    }

    @Test
    void ongoingWork() {
        assertThat(read("长期坚持")).isEqualTo(new Deadline(null, true, "长期坚持"));
        assertThat(read("持续推进").ongoing()).isTrue();
    }

    @Test
    void ongoingWithADatedStepKeepsTheStepAsMilestone() {
        DeadlineReader.Reading r = DeadlineReader.read("长期坚持，2022年底取得阶段性成果");
        assertThat(r.deadline().ongoing()).isTrue();
        assertThat(r.deadline().date()).isNull();
        assertThat(r.deadline().text()).isEqualTo("长期坚持，2022年底取得阶段性成果");
        assertThat(r.milestones()).containsExactly(new Milestone(LocalDate.of(2022, 12, 31), "2022年底取得阶段性成果"));
    }

    @Test
    void recurringDeadlineIsOngoingWithItsWordingKept() {
        Deadline d = read("每年1月底前");
        assertThat(d.ongoing()).isTrue();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("每年1月底前");
    }

    @Test
    void severalDatesCloseOnTheLatestAndKeepTheOthersAsSteps() {
        DeadlineReader.Reading r = DeadlineReader.read("2023年底前完成试点，2025年全面推广");
        assertThat(r.deadline().date()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(r.milestones()).extracting(Milestone::dueDate).containsExactly(LocalDate.of(2023, 12, 31));
    }

    @Test
    void wordingWithoutDateIsKeptAndMarkedNotUnderstood() {
        DeadlineReader.Reading r = DeadlineReader.read("根据国家部署");
        assertThat(r.understood()).isFalse();
        assertThat(r.deadline().text()).isEqualTo("根据国家部署");
    }

    @Test
    void deadlineLabelInATaskIsRead() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("二、重点任务\n(一)摸清底数。排查。\n牵头单位:市住建局\n完成时间:2022年7月31日前\n");
        assertThat(doc.tasks().get(0).deadline().date()).isEqualTo(LocalDate.of(2022, 7, 31));
    }

    @Test
    void unreadableDeadlineInATaskIsReported() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("二、重点任务\n(一)摸清底数。排查。\n牵头单位:市住建局\n完成时限:视情况而定\n");
        assertThat(doc.tasks().get(0).deadline().text()).isEqualTo("视情况而定");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("视情况而定"));
    }
}
