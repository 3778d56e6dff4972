package gov.planning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ImportReportTest {

    private static JsonNode json(String text) throws Exception {
        return Http.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aSavedImportNamesThePlanItsCountsAndWhereEachTaskAndIndicatorWent() throws Exception {
        JsonNode result = json("""
                {'plan': {'id': 'a1b2', 'status': 'DRAFT'}, 'title': '示例实施方案', 'docNumber': '示政办发〔2024〕1号',
                 'issuedOn': '2024-03-01', 'periodStart': 2024, 'periodEnd': 2025,
                 'tasks': [{'number': '1', 'title': '推进老旧小区改造',
                            'leadOrgs': [{'input': '市住建局', 'organization': {'code': 'sl.zjj', 'name': '示例市住建局'}, 'candidates': []}],
                            'cooperatingOrgs': [{'input': '某某局', 'organization': null,
                                                 'candidates': [{'code': 'sl.mzj', 'name': '示例市民政局'}]}],
                            'deadline': {'date': '2025-12-31', 'ongoing': false, 'text': '2025年底前'},
                            'milestones': [{'dueDate': '2024-12-31', 'description': '完成一半'}]}],
                 'indicators': [{'name': '改造小区', 'unit': '个', 'comparator': 'AT_LEAST', 'baseline': {'value': 12.5, 'year': 2023},
                                 'target': {'value': 360.0, 'year': 2025}, 'leadOrgs': []}],
                 'regionalTables': [{'title': '分解表', 'unit': '个', 'periods': ['2024', '2025'],
                                     'rows': [{'regionName': '甲区', 'region': {'code': 'sl.jq', 'name': '甲区'}, 'values': [10, null]},
                                              {'regionName': '乙区', 'region': null, 'values': [0.333333333, 5]}],
                                     'totals': [10.333333333, 5], 'totalsMatch': false}],
                 'unresolvedNames': ['某某局'], 'warnings': ['第3段无法识别']}""");

        assertThat(ImportReport.describe(result)).isEqualTo("""
                示例实施方案  示政办发〔2024〕1号
                issued 2024-03-01, period 2024–2025
                saved as plan a1b2 (DRAFT)
                1 tasks, 1 indicators, 1 tables, 1 unresolved names, 1 warnings

                Tasks
                  1 推进老旧小区改造
                      lead: 市住建局 → sl.zjj
                      cooperating: 某某局 → UNRESOLVED
                      deadline: 2025年底前 (2025-12-31); 1 milestones

                Indicators
                  改造小区: AT_LEAST 360个 (2025) from 12.5 (2023)

                Tables
                  分解表 (个): 2 regions × 2024, 2025
                      甲区 → sl.jq: 10, -
                      乙区 → UNRESOLVED: 0.333333, 5
                      合计: 10.3333, 5
                      totals check: DO NOT ADD UP

                Unresolved names (candidates)
                  某某局: sl.mzj 示例市民政局

                Warnings
                  第3段无法识别
                """);
    }

    @Test
    void aDryRunSaysNothingWasSavedAndMissingPartsReadAsUnknown() throws Exception {
        JsonNode result = json("""
                {'plan': null, 'title': '无文号文件', 'docNumber': null, 'issuedOn': null, 'periodStart': null, 'periodEnd': null,
                 'tasks': [{'number': null, 'title': '长期任务', 'leadOrgs': [], 'cooperatingOrgs': [],
                            'deadline': {'date': null, 'ongoing': true, 'text': '长期坚持'}, 'milestones': []}],
                 'indicators': [], 'regionalTables': [], 'unresolvedNames': [], 'warnings': []}""");

        assertThat(ImportReport.describe(result)).startsWith("""
                无文号文件  (no document number)
                issued ?, period ?–?
                dry run: nothing saved
                1 tasks, 0 indicators, 0 tables, 0 unresolved names, 0 warnings

                Tasks
                  · 长期任务
                      lead: (none)
                      deadline: 长期坚持 (ongoing)
                """).doesNotContain("Unresolved names", "Warnings");
    }
}
