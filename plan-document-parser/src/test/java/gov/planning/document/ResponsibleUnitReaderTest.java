package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import gov.planning.document.ResponsibleUnitReader.Responsibility;
import org.junit.jupiter.api.Test;

class ResponsibleUnitReaderTest {

    private static Task onlyTask(String itemText) {
        ParsedPlanDocument doc = PlanDocumentParser.parse("二、重点任务\n" + itemText);
        assertThat(doc.tasks()).hasSize(1);
        return doc.tasks().get(0);
    }

    @Test
    void labelledLeadAndCooperatingLines() {
        Task t = onlyTask("""
                （一）实施差别化落户政策。放开落户限制。
                牵头单位:自治区发展改革委、住房城乡建设厅、统计局
                参加单位:财政厅,各市、县(市、区)人民政府
                """);
        assertThat(t.leadOrgs()).containsExactly("自治区发展改革委", "住房城乡建设厅", "统计局");
        assertThat(t.cooperatingOrgs()).containsExactly("财政厅", "各市、县(市、区)人民政府");
        assertThat(t.leadOrgsText()).isEqualTo("自治区发展改革委、住房城乡建设厅、统计局");
        assertThat(t.cooperatingOrgsText()).isEqualTo("财政厅,各市、县(市、区)人民政府");
    }

    @Test
    void responsibleUnitLineWithLeadMarkSplitsLeadFromCooperating() {
        Responsibility r = ResponsibleUnitReader.fromLabelled("责任单位",
                "市住房和城乡建设局、市市场监督管理局（牵头），市自然资源局、各区县人民政府");
        assertThat(r.leadOrgs()).containsExactly("市住房和城乡建设局", "市市场监督管理局");
        assertThat(r.cooperatingOrgs()).containsExactly("市自然资源局", "各区县人民政府");
    }

    @Test
    void responsibleUnitLineWithoutMarksMakesEveryoneLead() {
        Responsibility r = ResponsibleUnitReader.fromLabelled("责任单位", "市财政局、市审计局");
        assertThat(r.leadOrgs()).containsExactly("市财政局", "市审计局");
        assertThat(r.cooperatingOrgs()).isEmpty();
    }

    @Test
    void halfWidthLeadMarkAndCooperateSuffix() {
        Responsibility r = ResponsibleUnitReader.fromLabelled("责任单位", "市住建局(牵头),市发改委配合,市财政局(配合)");
        assertThat(r.leadOrgs()).containsExactly("市住建局");
        assertThat(r.cooperatingOrgs()).containsExactly("市发改委", "市财政局");
    }

    @Test
    void labelledParenthesesAtParagraphEnd() {
        Task t = onlyTask("（一）推进老旧小区改造。科学编制规划。（牵头单位：住建厅，配合单位：发改委、财政厅）\n");
        assertThat(t.leadOrgs()).containsExactly("住建厅");
        assertThat(t.cooperatingOrgs()).containsExactly("发改委", "财政厅");
        assertThat(t.body()).isEqualTo("科学编制规划。");
    }

    @Test
    void halfWidthLabelledParenthesesWithSemicolon() {
        ResponsibleUnitReader.Trailing tr = ResponsibleUnitReader.fromParagraphEnd(
                "加快审批进度。(牵头单位:公安厅;配合单位:人社厅、民政厅)");
        assertThat(tr).isNotNull();
        assertThat(tr.responsibility().leadOrgs()).containsExactly("公安厅");
        assertThat(tr.responsibility().cooperatingOrgs()).containsExactly("人社厅", "民政厅");
        assertThat(tr.remainingText()).isEqualTo("加快审批进度。");
    }

    @Test
    void bareTrailingParenthesesMakeEveryListedUnitLead() {
        ResponsibleUnitReader.Trailing tr = ResponsibleUnitReader.fromParagraphEnd("加大住房保障力度。（住建厅、发改委）");
        assertThat(tr.responsibility().leadOrgs()).containsExactly("住建厅", "发改委");
        assertThat(tr.responsibility().cooperatingOrgs()).isEmpty();
    }

    @Test
    void responsibleSuffixInParenthesesWithTrailingNote() {
        ResponsibleUnitReader.Trailing tr = ResponsibleUnitReader.fromParagraphEnd(
                "放宽落户限制。（公安厅负责。所列部门为主要负责部门，其他部门配合，下同）");
        assertThat(tr.responsibility().leadOrgs()).containsExactly("公安厅");
        assertThat(ResponsibleUnitReader.fromParagraphEnd("畅通落户通道。(公安厅负责)").responsibility().leadOrgs())
                .containsExactly("公安厅");
    }

    @Test
    void parenthesesThatAreNotUnitsAreLeftAlone() {
        assertThat(ResponsibleUnitReader.fromParagraphEnd("培育中小城市（20—50万人口）")).isNull();
        assertThat(ResponsibleUnitReader.fromParagraphEnd("落户条件（含租赁）")).isNull();
        assertThat(ResponsibleUnitReader.fromParagraphEnd("（此件公开发布）")).isNull();
        assertThat(ResponsibleUnitReader.fromParagraphEnd("建设城市信息模型（CIM）")).isNull();
        assertThat(ResponsibleUnitReader.fromParagraphEnd("培育壮大城市（镇）")).isNull();
    }

    @Test
    void collectivesStayWholeAndNamesKeepTheirPrefixAsWritten() {
        assertThat(ResponsibleUnitReader.splitNames("各盟行政公署、市人民政府，自治区住房城乡建设厅、发展改革委"))
                .containsExactly("各盟行政公署、市人民政府", "自治区住房城乡建设厅", "发展改革委");
        assertThat(ResponsibleUnitReader.splitNames("各市、县（市、区）人民政府；相关县(市、区)人民政府"))
                .containsExactly("各市、县（市、区）人民政府", "相关县(市、区)人民政府");
        assertThat(ResponsibleUnitReader.splitNames("旗城市管理行政执法局、教育体育局、各区县人民政府等"))
                .containsExactly("旗城市管理行政执法局", "教育体育局", "各区县人民政府");
        assertThat(ResponsibleUnitReader.splitNames("自治区“美丽办”、农业厅")).containsExactly("自治区“美丽办”", "农业厅");
    }

    @Test
    void severalLabelledLinesAddUp() {
        Task t = onlyTask("""
                （一）建设智慧城镇。推进信息化。
                牵头单位：住房城乡建设厅
                牵头单位：自治区通信管理局
                配合单位：科技厅
                """);
        assertThat(t.leadOrgs()).containsExactly("住房城乡建设厅", "自治区通信管理局");
        assertThat(t.cooperatingOrgs()).containsExactly("科技厅");
    }

    @Test
    void leadNamedInRunningTextIsALastResort() {
        Task t = onlyTask("（一）健全监测评估机制。由自治区统计局牵头，建立统计监测指标体系。\n");
        assertThat(t.leadOrgs()).containsExactly("自治区统计局");
    }

    @Test
    void taskWithoutAnyUnitIsReportedAsAWarning() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("二、重点任务\n（一）加强历史文化保护。做好保护工作。\n");
        assertThat(doc.tasks().get(0).leadOrgs()).isEmpty();
        assertThat(doc.warnings()).anyMatch(w -> w.contains("加强历史文化保护") && w.contains("no lead unit"));
    }
}
