package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Annual work lists (政府工作报告任务分解) as counties and provinces publish them (issue #21's fixture set). */
class WorkListDocumentTest {

    @Test
    void aNoticeWithoutItsTitleLineIsNotReadAsTasksAndAPartHeadingNamesTheLead() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("""
                县直各有关单位:
                经县政府同意,现将《2025年县政府工作报告任务清单》印发给你们。
                一、责任到人,闭环管理。各责任单位需严格对照任务清单,逐项细化职责。
                附件:1.2025年县政府工作报告任务清单
                2.2025年民盼实事任务分解
                示例县人民政府办公室
                2025年5月18日
                附件1
                2025年县政府工作报告任务清单
                一、县示范区管委会牵头工作(2项)
                1.建设3个劳动密集型产业园。
                2.打造食用菌生产基地。
                """);
        assertThat(doc.title()).isEqualTo("2025年县政府工作报告任务清单");
        assertThat(doc.issuer()).isEqualTo("示例县人民政府办公室");
        assertThat(doc.tasks()).extracting(Task::number).containsExactly("1.", "2.");
        assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.leadOrgs()).containsExactly("县示范区管委会"));
        assertThat(doc.indicators()).singleElement().satisfies(i -> {
            assertThat(i.target()).isEqualTo(new Measure(3, 2025));
            assertThat(i.unit()).isEqualTo("个");
        });
    }

    @Test
    void unitsBesideALeadCooperateAndANoteCanSayTheFirstListedLeads() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("""
                2025年示例县政府重要工作事项责任分工
                一、聚力强产业
                1.修编经济开发区整体规划。(牵头单位:县园区服务中心;责任单位:新材料产业园、食品产业园等)
                2.坚定不移支持企业发展。力争减轻企业各类负担2亿元。
                责任单位:县经信局、县财政局、县税务局(列第一位者为工作牵头单位,下同)
                """);
        assertThat(doc.task("1.").orElseThrow()).satisfies(t -> {
            assertThat(t.leadOrgs()).containsExactly("县园区服务中心");
            assertThat(t.cooperatingOrgs()).containsExactly("新材料产业园", "食品产业园");
        });
        assertThat(doc.task("2.").orElseThrow()).satisfies(t -> {
            assertThat(t.leadOrgs()).containsExactly("县经信局");
            assertThat(t.cooperatingOrgs()).containsExactly("县财政局", "县税务局");
        });
        assertThat(doc.indicators()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("减轻企业各类负担");
            assertThat(i.target()).isEqualTo(new Measure(2, 2025));
        });
    }

    @Test
    void labelledLeadersAreNotUnitsAndWorkOnTargetsIsATaskPart() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("""
                示例省人民政府关于2022年重点工作及责任分解的通知
                一、确保完成全年主要预期目标
                1﹒全省生产总值增长7%以上,在实际工作中力争更好结果。
                牵头负责领导:张三。
                牵头责任单位:省发展改革委。
                协同责任单位:省财政厅、省统计局等。
                """);
        Task t = doc.tasks().get(0);
        assertThat(t.number()).isEqualTo("1.");
        assertThat(t.leadOrgs()).containsExactly("省发展改革委");
        assertThat(t.cooperatingOrgs()).containsExactly("省财政厅", "省统计局");
        assertThat(doc.indicators()).singleElement().satisfies(i -> {
            assertThat(i.comparator()).isEqualTo(Comparator.AT_LEAST);
            assertThat(i.target()).isEqualTo(new Measure(7, 2022));
        });
    }

    @Test
    void theLastDatedOutcomeClosesATaskWithoutADeadline() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("""
                示例区新型城镇化规划（2014—2020年）重点任务分工方案
                一、重点任务
                （一）实施差别化落户政策。全面放开建制镇落户限制。
                牵头单位：公安厅
                预期成果和时间进度：2014年底出台政策措施。2020年实现落户目标。
                """);
        assertThat(doc.tasks().get(0).deadline().date()).isEqualTo(LocalDate.of(2020, 12, 31));
    }
}
