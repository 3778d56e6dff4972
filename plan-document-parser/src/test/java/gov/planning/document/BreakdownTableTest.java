package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownTableTest {

    private static final String TAB_TABLE = """
            附件1

            各盟市高标准农田建设任务分解表
            单位：万亩
            盟市\t2022年\t2023年\t2024年
            呼和浩特市\t5\t6\t7
            包头市\t3\t4\t5
            合计\t8\t10\t12
            """;

    @Test
    void tabSeparatedRowsWithUnitLine() {
        BreakdownTable t = PlanDocumentParser.parse(TAB_TABLE).regionalTables().get(0);
        assertThat(t.title()).isEqualTo("各盟市高标准农田建设任务分解表");
        assertThat(t.unit()).isEqualTo("万亩");
        assertThat(t.periods()).containsExactly("2022年", "2023年", "2024年");
        assertThat(t.rows()).extracting(RegionalRow::regionName).containsExactly("呼和浩特市", "包头市");
        assertThat(t.rows().get(0).values()).containsExactly(5.0, 6.0, 7.0);
        assertThat(t.totals()).containsExactly(8.0, 10.0, 12.0);
        assertThat(t.totalsMatch()).isTrue();
    }

    @Test
    void oneCellPerLineWithUnitInTitleParentheses() {
        String text = """
                附件

                示例县改造任务分解表（单位：个）

                乡镇

                2025年

                2026年

                合计

                城关镇

                10

                12

                22

                新安镇

                5

                6

                11

                合计

                15

                18

                33
                """;
        ParsedPlanDocument doc = PlanDocumentParser.parse(text);
        assertThat(doc.regionalTables()).hasSize(1);
        BreakdownTable t = doc.regionalTables().get(0);
        assertThat(t.title()).isEqualTo("示例县改造任务分解表");
        assertThat(t.unit()).isEqualTo("个");
        assertThat(t.periods()).containsExactly("2025年", "2026年");
        assertThat(t.rows()).extracting(RegionalRow::regionName).containsExactly("城关镇", "新安镇");
        assertThat(t.rows().get(1).rowTotal()).isEqualTo(11.0);
        assertThat(t.totals()).containsExactly(15.0, 18.0);
        assertThat(t.grandTotal()).isEqualTo(33.0);
        assertThat(t.totalsMatch()).isTrue();
    }

    @Test
    void spaceSeparatedRowsAreReadLikeTabs() {
        String text = "分解表（单位：部）\n区县 2025年 2026年\n东城区 3 4\n西城区 1 2\n合计 4 6\n";
        BreakdownTable t = PlanDocumentParser.parse(text).regionalTables().get(0);
        assertThat(t.rows()).hasSize(2);
        assertThat(t.totalsMatch()).isTrue();
    }

    @Test
    void totalThatDoesNotAddUpIsReportedNotFixed() {
        ParsedPlanDocument doc = PlanDocumentParser.parse(TAB_TABLE.replace("合计\t8\t10\t12", "合计\t8\t11\t12"));
        BreakdownTable t = doc.regionalTables().get(0);
        assertThat(t.totals()).containsExactly(8.0, 11.0, 12.0);
        assertThat(t.totalsMatch()).isFalse();
        assertThat(doc.warnings()).anyMatch(w -> w.contains("2023年") && w.contains("11") && w.contains("10"));
    }

    @Test
    void roundedDecimalsMatchWithinTolerance() {
        assertThat(BreakdownTableReader.close(10.0, 10.1, List.of(3.3, 3.3, 3.4))).isTrue();
        assertThat(BreakdownTableReader.close(9.9, 10.5, List.of(3.3, 3.3, 3.3))).isFalse();
        assertThat(BreakdownTableReader.close(99, 100, List.of(33.0, 33.0, 33.0))).isFalse();
    }

    @Test
    void rowWithWrongNumberOfCellsIsReported() {
        String text = "任务分解表（单位：个）\n区县\t2025年\t2026年\n东城区\t3\t4\n西城区\t1\n合计\t4\t6\n";
        ParsedPlanDocument doc = PlanDocumentParser.parse(text);
        assertThat(doc.regionalTables().get(0).totalsMatch()).isFalse();
        assertThat(doc.warnings()).anyMatch(w -> w.contains("西城区") && w.contains("2 cells"));
    }

    @Test
    void cellPerLineRowMissingAValueIsReported() {
        String text = "任务分解表（单位：个）\n区县\n2025年\n2026年\n东城区\n3\n4\n西城区\n1\n合计\n4\n6\n";
        ParsedPlanDocument doc = PlanDocumentParser.parse(text);
        assertThat(doc.warnings()).anyMatch(w -> w.contains("西城区") && w.contains("cells"));
    }

    @Test
    void tableWithoutTotalRowCannotBeChecked() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("分解表（单位：个）\n区县\t2025年\n东城区\t3\n西城区\t1\n");
        assertThat(doc.regionalTables().get(0).totals()).isNull();
        assertThat(doc.regionalTables().get(0).totalsMatch()).isFalse();
        assertThat(doc.warnings()).anyMatch(w -> w.contains("no 合计 row"));
    }
}
