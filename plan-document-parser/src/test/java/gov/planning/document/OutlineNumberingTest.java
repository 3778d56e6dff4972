package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineNumberingTest {

    @Test
    void numberingStylesNestInTheirFixedOrder() {
        String text = """
                第一章　总则
                第一节　目的
                一、重点任务
                （一）第一项。内容。
                1.细项一。内容。
                （1）更细一项。内容。
                （2）更细二项。内容。
                2.细项二。内容。
                （二）第二项。内容。
                二、保障措施
                """;
        ParsedPlanDocument doc = PlanDocumentParser.parse(text);
        Section chapter = doc.outline().get(0);
        assertThat(chapter.number()).isEqualTo("第一章");
        Section part = chapter.children().get(0).children().get(0);
        assertThat(part.number()).isEqualTo("一、");
        assertThat(part.children()).extracting(Section::number).containsExactly("（一）", "（二）");
        Section first = part.children().get(0);
        assertThat(first.children()).extracting(Section::number).containsExactly("1.", "2.");
        assertThat(first.children().get(0).children()).extracting(Section::number).containsExactly("（1）", "（2）");
        assertThat(first.children().get(0).children().get(0).level()).isEqualTo(6);
        assertThat(chapter.children().get(0).children()).extracting(Section::number).containsExactly("一、", "二、");
    }

    @Test
    void halfWidthBracketsAndStraySpacesAreTheSameNumbering() {
        for (String line : List.of("(一)摸清底数。", "（一）摸清底数。", "( 一 ) 摸清底数。", "　　（ 一）摸清底数。", "(一)、摸清底数。")) {
            Numbering.Marker m = Numbering.match(TextNormalizer.normalize(line));
            assertThat(m).as(line).isNotNull();
            assertThat(m.style()).as(line).isEqualTo(Numbering.PAREN_CHINESE);
            assertThat(m.number()).as(line).isEqualTo("（一）");
            assertThat(m.rest()).as(line).isEqualTo("摸清底数。");
        }
        assertThat(Numbering.match("（二十八）强化支撑").ordinal()).isEqualTo(28);
        assertThat(Numbering.match("1．完善布局").number()).isEqualTo("1.");
        assertThat(Numbering.match("2、完善布局").style()).isEqualTo(Numbering.ARABIC);
        assertThat(Numbering.match("(3)细项").style()).isEqualTo(Numbering.PAREN_ARABIC);
        assertThat(Numbering.match("第十二章 附则").ordinal()).isEqualTo(12);
        assertThat(Numbering.match("第二节深化改革").rest()).isEqualTo("深化改革");
    }

    @Test
    void decimalsDatesAndOrdinaryWordsAreNotNumbering() {
        assertThat(Numbering.match("2.5万亩耕地")).isNull();
        assertThat(Numbering.match("2025.6.30前完成")).isNull();
        assertThat(Numbering.match("2023年底前")).isNull();
        assertThat(Numbering.match("一批重点项目")).isNull();
        assertThat(Numbering.match("（包括阿拉善左旗）实施")).isNull();
    }

    @Test
    void headingIsTheFirstSentenceAndTheRestIsBody() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("二、重点任务\n（一）摸清改造底数。全面排查老旧小区。\n责任单位：市住建局\n");
        Task t = doc.tasks().get(0);
        assertThat(t.title()).isEqualTo("摸清改造底数");
        assertThat(t.body()).isEqualTo("全面排查老旧小区。");
        assertThat(t.sectionPath()).containsExactly("二、重点任务");
    }

    @Test
    void leadingFullWidthSpacesAndWrappedPdfLinesAreJoined() {
        String line = "推动建设区域中心城市，加快推进一体化进程，促进产城融合发展，统筹推进";
        StringBuilder text = new StringBuilder("一、重点任务\n\n");
        text.append("1.完善空间布局。").append(line).append("\n\n");
        for (int i = 0; i < 9; i++) {
            text.append(line).append("\n\n");
        }
        text.append("区域重大基础设施建设。\n\n- 3 -\n\n2.推进老旧小区改造。科学编制改造规划。\n");
        ParsedPlanDocument doc = PlanDocumentParser.parse(text.toString());
        assertThat(doc.tasks()).hasSize(2);
        assertThat(doc.tasks().get(0).body()).endsWith("统筹推进区域重大基础设施建设。").doesNotContain("3");
        assertThat(doc.tasks().get(1).title()).isEqualTo("推进老旧小区改造");
    }

    @Test
    void partsAreClassifiedByTheirHeadings() {
        assertThat(OutlineReader.kindOf("主要目标")).isEqualTo(SectionKind.GOALS);
        assertThat(OutlineReader.kindOf("目标指标")).isEqualTo(SectionKind.GOALS);
        assertThat(OutlineReader.kindOf("总体要求")).isEqualTo(SectionKind.GENERAL);
        assertThat(OutlineReader.kindOf("保障措施")).isEqualTo(SectionKind.SAFEGUARDS);
        assertThat(OutlineReader.kindOf("强化规划实施保障")).isEqualTo(SectionKind.SAFEGUARDS);
        assertThat(OutlineReader.kindOf("规划背景")).isEqualTo(SectionKind.BACKGROUND);
        assertThat(OutlineReader.kindOf("构建多层次住房保障体系")).isNull();
        assertThat(OutlineReader.kindOf("重点任务")).isNull();
    }
}
