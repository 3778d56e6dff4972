package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeWrapperTest {

    private static final String WRAPPED = """
            某某县人民政府办公室关于印发某某县城市更新三年行动计划（2024-2026年）的通知

            某政办发[2024] 7 号

            各乡镇人民政府，县直各部门：

            　　经县人民政府同意，现将《某某县城市更新三年行动计划（2024—2026年）》印发给你们，请认真贯彻执行。

            　　某某县人民政府办公室
            　　2024年5月6日

            某某县城市更新三年行动计划（2024—2026年）

            一、重点任务

            (一)改造老旧小区。完成改造20个。(县住建局)

            - 2 -

            抄送：县委办公室，县人大常委会办公室。
            某某县人民政府办公室　　　　2024年5月7日印发
            """;

    @Test
    void coveringNoticeIsRecognisedAndSkipped() {
        ParsedPlanDocument doc = PlanDocumentParser.parse(WRAPPED);
        assertThat(doc.title()).isEqualTo("某某县城市更新三年行动计划（2024—2026年）");
        assertThat(doc.kind()).isEqualTo(PlanKind.ACTION_PLAN);
        assertThat(doc.docNumber()).isEqualTo("某政办发〔2024〕7号");
        assertThat(doc.issuer()).isEqualTo("某某县人民政府办公室");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(doc.period()).isEqualTo(new PlanPeriod(2024, 2026));
        assertThat(doc.notice().addressees()).isEqualTo("各乡镇人民政府，县直各部门");
        assertThat(doc.notice().copiedTo()).contains("县委办公室");
        assertThat(doc.notice().printedBy()).endsWith("印发");
        assertThat(doc.outline()).hasSize(1);
        assertThat(doc.tasks()).hasSize(1);
        assertThat(doc.tasks().get(0).leadOrgs()).containsExactly("县住建局");
        assertThat(doc.allSections()).noneMatch(s -> s.text().contains("抄送") || s.text().contains("印发给你们"));
    }

    @Test
    void documentWithoutNoticeTakesTitleIssuerAndClosingDate() {
        String text = """
                某某市人民政府
                关于加快发展的实施意见

                某政发〔2023〕3 号

                各区县人民政府：

                为加快发展，提出如下意见。

                一、重点任务

                （一）加快建设。推进项目。（市发改委）

                2023 年 4 月 2 日
                """;
        ParsedPlanDocument doc = PlanDocumentParser.parse(text);
        assertThat(doc.title()).isEqualTo("某某市人民政府关于加快发展的实施意见");
        assertThat(doc.kind()).isEqualTo(PlanKind.GUIDANCE);
        assertThat(doc.issuer()).isEqualTo("某某市人民政府");
        assertThat(doc.docNumber()).isEqualTo("某政发〔2023〕3号");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2023, 4, 2));
        assertThat(doc.period()).isNull();
    }

    @Test
    void docNumberInParenthesesAfterTheTitle() {
        ParsedPlanDocument doc = PlanDocumentParser.parse(
                "某自治区人民政府办公厅关于印发某某分工方案的通知（某政办发〔2014〕94号）\n各市人民政府:\n\n一、重点任务\n");
        assertThat(doc.docNumber()).isEqualTo("某政办发〔2014〕94号");
        assertThat(doc.notice().title()).isEqualTo("某自治区人民政府办公厅关于印发某某分工方案的通知");
        assertThat(doc.issuer()).isEqualTo("某自治区人民政府办公厅");
        assertThat(doc.kind()).isEqualTo(PlanKind.TASK_DIVISION);
    }

    @Test
    void pageNumbersAndWebPageJunkAreFurniture() {
        assertThat(DocumentLayout.isFurniture("- 3 -")).isTrue();
        assertThat(DocumentLayout.isFurniture("—12—")).isTrue();
        assertThat(DocumentLayout.isFurniture("第 3 页 共 10 页")).isTrue();
        assertThat(DocumentLayout.isFurniture("打印关闭收藏")).isTrue();
        assertThat(DocumentLayout.isFurniture("上一篇：某某通知")).isTrue();
        assertThat(DocumentLayout.isFurniture("- 3 -年")).isFalse();
        assertThat(DocumentLayout.isFurniture("3.推进改造")).isFalse();
    }

    @Test
    void periodFromStatedPlanPeriodOrFiveYearPlanName() {
        assertThat(PlanFacts.period("某某规划", java.util.List.of(new Paragraph("规划期为2016年—2020年。", 1))))
                .isEqualTo(new PlanPeriod(2016, 2020));
        assertThat(PlanFacts.period("某某“十四五”住房发展规划", java.util.List.of())).isEqualTo(new PlanPeriod(2021, 2025));
        assertThat(PlanFacts.period("某某方案(2014-2020年)", java.util.List.of())).isEqualTo(new PlanPeriod(2014, 2020));
        assertThat(PlanFacts.period("某某方案（2025～2027年）", java.util.List.of())).isEqualTo(new PlanPeriod(2025, 2027));
    }

    @Test
    void missingTitleIsAWarning() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("一、重点任务\n（一）做事。（市住建局）\n");
        assertThat(doc.title()).isEmpty();
        assertThat(doc.warnings()).contains("No title found");
    }
}
