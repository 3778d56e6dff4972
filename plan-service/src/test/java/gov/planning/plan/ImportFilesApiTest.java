package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * importPlanDocument on what offices hold: a county's document whose issuer is not in the tree (a dry run still
 * shows everything; saving names the missing issuer), and the same document as .docx and PDF uploads.
 */
@QuarkusTest
class ImportFilesApiTest {

    private static final String COUNTY = "documents/county-banner-implementation-plan.txt";
    private static final String ANSWER = """
            plan { id } title kind issuerName issuer { id } issuerMatch { input organization { id } candidates { id } }
            outline { number heading level taskCount children { heading taskCount } }
            docNumber issuedOn periodStart periodEnd
            tasks { number title leadOrgs { input organization { id } candidates { id } }
                    cooperatingOrgs { input organization { id } candidates { id } }
                    deadline { date ongoing text } milestones { dueDate description } }
            indicators { name unit comparator baseline { value year } target { value year } leadOrgs { input } }
            regionalTables { title unit periods rows { regionName region { id } values } totals totalsMatch }
            unresolvedNames unresolved { input organization { id } candidates { id } } warnings""";
    private static final String BY_TEXT = "mutation($text: String, $dry: Boolean, $issuer: String) {"
            + " importPlanDocument(text: $text, dryRun: $dry, issuerCode: $issuer) { " + ANSWER + " text } }";
    private static final String BY_FILE = "mutation($file: PlanDocumentFileInput, $dry: Boolean, $issuer: String) {"
            + " importPlanDocument(file: $file, dryRun: $dry, issuerCode: $issuer) { " + ANSWER + " text } }";

    @Inject
    FakeIndicatorClient indicators;

    @Inject
    FakeOrgNameLookup names;

    @BeforeEach
    void reset() {
        indicators.reset();
    }

    private static JsonPath byText(String token, String text, boolean dry, String issuer) {
        Map<String, Object> vars = new HashMap<>(Map.of("text", text, "dry", dry));
        if (issuer != null) {
            vars.put("issuer", issuer);
        }
        return post(token, BY_TEXT, vars);
    }

    private static JsonPath byFile(String token, String name, byte[] content, boolean dry, String issuer) {
        Map<String, Object> vars = new HashMap<>(Map.of("file", Map.of("name", name, "contentBase64", DocumentFixtures.base64(content)),
                "dry", dry));
        if (issuer != null) {
            vars.put("issuer", issuer);
        }
        return post(token, BY_FILE, vars);
    }

    /** The answer without the text it was read from (a file's text differs in whitespace only). */
    private static Map<String, Object> understood(JsonPath answer) {
        assertThat(answer.getString("errors")).isNull();
        Map<String, Object> result = new HashMap<>(answer.getMap("data.importPlanDocument"));
        result.remove("text");
        return result;
    }

    @Test
    void aCountyDocumentDryRunsWithNoIssuerGivenAndListsEveryUnresolvedNameTheIssuerFirst() {
        String text = DocumentFilesTest.document(COUNTY);
        // A planner of any organization: the document's issuer is not in the tree, and a dry run writes nothing.
        JsonPath answer = byText(TestTokens.planner("gx"), text, true, null);

        assertThat(answer.getString("errors")).isNull();
        String p = "data.importPlanDocument.";
        assertThat(answer.getString(p + "title")).isEqualTo("示例旗农村牧区人居环境整治提升五年行动实施方案（2024—2026年）");
        assertThat(answer.getString(p + "docNumber")).isEqualTo("示旗政办发〔2024〕7号");
        assertThat(answer.getString(p + "issuedOn")).isEqualTo("2024-04-10");
        assertThat(answer.getInt(p + "periodStart")).isEqualTo(2024);
        assertThat(answer.getInt(p + "periodEnd")).isEqualTo(2026);
        assertThat(answer.getString(p + "issuerName")).isEqualTo("示例旗人民政府办公室");
        assertThat(answer.getString(p + "issuer")).isNull();
        assertThat(answer.getString(p + "issuerMatch.input")).isEqualTo("示例旗人民政府办公室");
        assertThat(answer.getString(p + "issuerMatch.organization")).isNull();
        assertThat(answer.getList(p + "issuerMatch.candidates.id")).containsExactly(FakeOrgTree.ids("nmg.hhht"));

        assertThat(answer.getList(p + "tasks.number")).containsExactly("（一）", "（二）", "（三）");
        assertThat(answer.getList(p + "tasks[0].leadOrgs.input")).containsExactly("旗农牧局");
        assertThat(answer.getList(p + "tasks[0].cooperatingOrgs.input")).containsExactly("财政局", "各苏木镇人民政府");
        assertThat(answer.getList(p + "tasks[1].cooperatingOrgs.input")).containsExactly("发展和改革委员会", "旗财政局");
        assertThat(answer.getString(p + "tasks[0].deadline.date")).isEqualTo("2026-12-31");
        assertThat(answer.getString(p + "tasks[1].deadline.date")).isEqualTo("2025-06-30");
        assertThat(answer.getBoolean(p + "tasks[2].deadline.ongoing")).isTrue();
        assertThat(answer.getList(p + "indicators.name")).hasSize(3);
        assertThat(answer.getList(p + "regionalTables.rows.regionName").toString()).contains("巴彦镇", "乌兰苏木");

        // Every name that did not resolve, the issuer first, each with its candidates.
        assertThat(answer.getList(p + "unresolved.input", String.class)).first().isEqualTo("示例旗人民政府办公室");
        assertThat(answer.getList(p + "unresolved[0].candidates.id")).containsExactly(FakeOrgTree.ids("nmg.hhht"));
        assertThat(answer.getList(p + "unresolved.input", String.class))
                .contains("旗农牧局", "财政局", "发展和改革委员会", "旗财政局", "巴彦镇")
                .doesNotHaveDuplicates();
        assertThat(answer.getList(p + "unresolvedNames", String.class))
                .isEqualTo(answer.getList(p + "unresolved.input", String.class));
        assertThat(answer.getList(p + "warnings", String.class)).anyMatch(w -> w.contains("保存前请选择发文机关"));
        assertThat(Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", "示旗政办发〔2024〕7号")).isZero();
    }

    @Test
    void aGeneralOfficeNotInTheTreeIssuesForItsGovernmentWhoseContextNamesResolveIn() {
        names.calls.clear();
        String text = SampleDocuments.read("synthetic-breakdown-table.txt").replace("示政办发〔2025〕12号", "示政办发〔2025〕903号")
                .replace("示例市人民政府办公室", "测试县人民政府办公室");
        JsonPath answer = byText(TestTokens.admin(), text, true, null);

        assertThat(answer.getString("errors")).isNull();
        String p = "data.importPlanDocument.";
        assertThat(answer.getString(p + "issuerName")).isEqualTo("测试县人民政府办公室");
        assertThat(answer.getString(p + "issuer.id")).isEqualTo(FakeOrgTree.ids("nmg.hhht"));
        assertThat(answer.getString(p + "issuerMatch.organization.id")).isEqualTo(FakeOrgTree.ids("nmg.hhht"));
        assertThat(answer.getList(p + "unresolvedNames", String.class)).doesNotContain("测试县人民政府办公室");
        assertThat(answer.getList(p + "warnings", String.class)).anyMatch(w -> w.contains("按其所属的“测试县人民政府”导入"));
        assertThat(names.calls).contains("nmg.hhht@2025-03-18");
    }

    @Test
    void savingADocumentWhoseIssuerDoesNotResolveIsRefusedNamingIssuerCodeInChinese() {
        JsonPath refused = byText(TestTokens.admin(), DocumentFilesTest.document(COUNTY), false, null);

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).startsWith("issuerCode: ")
                .contains("发文机关“示例旗人民政府办公室”未能对应到唯一的组织").contains("1 个候选");
        assertThat(Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", "示旗政办发〔2024〕7号")).isZero();
        assertThat(indicators.created).isEmpty();
    }

    @Test
    void aDryRunWithAnUnresolvedIssuerIsStillOnlyForAdminsAndPlanners() {
        String text = DocumentFilesTest.document(COUNTY);
        for (String token : new String[] { TestTokens.viewer(), TestTokens.reporter("nmg.zjt") }) {
            assertThat(firstErrorCode(byText(token, text, true, null))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(byFile(token, "方案.docx", DocumentFixtures.docx(text), true, null))).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void aDocxAndAPdfOfADocumentImportToTheSameResultAsItsText() {
        String text = SampleDocuments.read("synthetic-breakdown-table.txt").replace("示政办发〔2025〕12号", "示政办发〔2025〕901号");
        Map<String, Object> fromText = understood(byText(TestTokens.planner("nmg"), text, true, "nmg"));
        JsonPath docx = byFile(TestTokens.planner("nmg"), "老旧小区改造.docx", DocumentFixtures.docx(text), true, "nmg");
        JsonPath pdf = byFile(TestTokens.planner("nmg"), "老旧小区改造.pdf", DocumentFixtures.pdf(text), true, "nmg");

        assertThat(understood(docx)).isEqualTo(fromText);
        assertThat(understood(pdf)).isEqualTo(fromText);
        assertThat(fromText.get("tasks").toString()).contains("市住房和城乡建设局");
        assertThat((java.util.List<?>) fromText.get("regionalTables")).hasSize(1);
        // The text read from the file comes back, so staff can see and correct it.
        assertThat(docx.getString("data.importPlanDocument.text")).contains("示例市老旧小区改造任务分解表（单位：个）")
                .contains("东城区\t30\t35\t35\t100");
        assertThat(pdf.getString("data.importPlanDocument.text")).contains("示例市老旧小区改造任务分解表（单位：个）");
    }

    @Test
    void aDocxUploadIsSavedAsADraftLikeItsText() {
        String number = "示政办发〔2025〕902号";
        String text = SampleDocuments.read("synthetic-breakdown-table.txt").replace("示政办发〔2025〕12号", number);
        JsonPath saved = byFile(TestTokens.planner("nmg"), "老旧小区改造.docx", DocumentFixtures.docx(text), false, "nmg");

        assertThat(saved.getString("errors")).isNull();
        assertThat(saved.getString("data.importPlanDocument.plan.id")).isNotNull();
        assertThat(Db.count("SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.doc_number = ?", number)).isEqualTo(4);
        assertThat(indicators.targets).hasSize(3);
    }

    @Test
    void aScannedPdfAnotherFormatOrTextAndFileTogetherAreBadUserInputNamingTheField() {
        JsonPath scan = byFile(TestTokens.planner("nmg"), "扫描件.pdf", DocumentFixtures.scannedPdf(), true, "nmg");
        assertThat(firstErrorCode(scan)).isEqualTo("BAD_USER_INPUT");
        assertThat(scan.getString("errors[0].message")).startsWith("file.contentBase64: ").contains("没有文字层");

        JsonPath doc = byFile(TestTokens.planner("nmg"), "方案.doc", new byte[] { 1, 2, 3 }, true, "nmg");
        assertThat(firstErrorCode(doc)).isEqualTo("BAD_USER_INPUT");
        assertThat(doc.getString("errors[0].message")).startsWith("file.name: ");

        JsonPath notBase64 = post(TestTokens.planner("nmg"), BY_FILE, Map.of("file", Map.of("name", "a.pdf", "contentBase64", "%%%")));
        assertThat(firstErrorCode(notBase64)).isEqualTo("BAD_USER_INPUT");

        JsonPath both = post(TestTokens.planner("nmg"), "mutation($f: PlanDocumentFileInput) { importPlanDocument(text: \"方案\", file: $f) { title } }",
                Map.of("f", Map.of("name", "a.docx", "contentBase64", "AAAA")));
        assertThat(firstErrorCode(both)).isEqualTo("BAD_USER_INPUT");
        JsonPath neither = post(TestTokens.planner("nmg"), "mutation { importPlanDocument { title } }");
        assertThat(firstErrorCode(neither)).isEqualTo("BAD_USER_INPUT");
        assertThat(neither.getString("errors[0].message")).startsWith("text: ");
    }
}
