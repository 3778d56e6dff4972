package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue #21: a banner's document names its own departments, which the tree does not have yet. The dry run proposes them
 * as new organizations under the banner's government; an admin accepts them in the same review, and saving creates them
 * in org-service before the plan is written, its tasks led by them.
 */
@QuarkusTest
class ImportProposalsApiTest {

    private static final String COUNTY = "documents/county-banner-implementation-plan.txt";
    private static final AtomicInteger NUMBERS = new AtomicInteger(700);
    private static final String IMPORT = """
            mutation($text: String!, $dry: Boolean, $issuer: String, $create: [String!]) {
              importPlanDocument(text: $text, dryRun: $dry, issuerCode: $issuer, createOrganizations: $create) {
                plan { id }
                tasks { number leadOrgs { input organization { id } } cooperatingOrgs { input organization { id } } }
                proposedOrganizations { inputs name shortName code kind level parent { id } }
                unresolvedNames warnings
              }
            }""";
    private static final List<String> BANNER_DEPARTMENTS = List.of("示例旗农牧局", "示例旗住房和城乡建设局", "示例旗财政局",
            "示例旗发展和改革委员会", "示例旗交通运输局");

    @Inject
    FakeOrgTreeClient orgTree;

    @Inject
    FakeIndicatorClient indicators;

    private String number;
    private String text;

    @BeforeEach
    void freshDocument() {
        orgTree.reset();
        indicators.reset();
        number = "示旗政办发〔2024〕" + NUMBERS.incrementAndGet() + "号";
        text = DocumentFilesTest.document(COUNTY).replace("示旗政办发〔2024〕7号", number);
    }

    private JsonPath importBanner(String token, boolean dry, List<String> create) {
        Map<String, Object> vars = new HashMap<>(Map.of("text", text, "dry", dry, "issuer", FakeOrgTreeClient.BANNER));
        if (create != null) {
            vars.put("create", create);
        }
        return post(token, IMPORT, vars);
    }

    private long plans() {
        return Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", number);
    }

    private UUID createdId(String name) {
        return orgTree.created.stream().filter(c -> c.proposal().name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void aDryRunProposesTheBannersMissingDepartmentsUnderItsGovernmentAndCreatesNothing() {
        JsonPath answer = importBanner(TestTokens.admin(), true, null);

        assertThat(answer.getString("errors")).isNull();
        String p = "data.importPlanDocument.proposedOrganizations";
        assertThat(answer.getList(p + ".name", String.class)).containsExactlyElementsOf(BANNER_DEPARTMENTS);
        // 财政局 and 旗财政局 are the one department; the township collective and the regions are not proposed
        Map<String, Object> finance = answer.getMap(p + ".find { it.name == '示例旗财政局' }");
        assertThat(finance).containsEntry("inputs", List.of("财政局", "旗财政局")).containsEntry("shortName", "旗财政局")
                .containsEntry("code", "nmg.hhht.slq.czj").containsEntry("kind", "DEPARTMENT").containsEntry("level", "COUNTY")
                .containsEntry("parent", Map.of("id", FakeOrgTree.ids(FakeOrgTreeClient.BANNER)));
        assertThat(answer.getList(p + ".inputs.flatten()", String.class)).doesNotContain("各苏木镇人民政府", "巴彦镇");
        assertThat(answer.getList("data.importPlanDocument.unresolvedNames", String.class)).contains("旗农牧局", "财政局");
        assertThat(orgTree.created).isEmpty();
        assertThat(plans()).isZero();
    }

    @Test
    void savingWithTheProposalsAcceptedCreatesThemFirstAndTheTasksAreLedByThem() {
        String admin = TestTokens.admin();
        JsonPath answer = importBanner(admin, false, BANNER_DEPARTMENTS);

        assertThat(answer.getString("errors")).isNull();
        assertThat(orgTree.created).extracting(c -> c.proposal().name()).containsExactlyElementsOf(BANNER_DEPARTMENTS);
        assertThat(orgTree.created).extracting(FakeOrgTreeClient.Created::bearer).as("created as the importing admin").containsOnly(admin);
        String plan = answer.getString("data.importPlanDocument.plan.id");
        assertThat(plan).isNotNull();
        String p = "data.importPlanDocument.tasks";
        assertThat(answer.getString(p + "[0].leadOrgs[0].organization.id")).isEqualTo(createdId("示例旗农牧局").toString());
        assertThat(answer.getList(p + "[1].cooperatingOrgs.organization.id", String.class))
                .containsExactly(createdId("示例旗发展和改革委员会").toString(), createdId("示例旗财政局").toString());
        assertThat(answer.getList("data.importPlanDocument.unresolvedNames", String.class)).doesNotContain("旗农牧局", "财政局", "旗财政局");
        // as saved: the first task is led by the banner's new 农牧局, with its new 财政局 cooperating
        assertThat(Db.count("SELECT count(*) FROM task_org o JOIN task t ON t.id = o.task_id WHERE t.plan_id = ?::uuid"
                + " AND t.number = '（一）' AND o.org_id = ?::uuid AND o.role = 'LEAD'", plan, createdId("示例旗农牧局").toString())).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM task_org o JOIN task t ON t.id = o.task_id WHERE t.plan_id = ?::uuid"
                + " AND t.number = '（一）' AND o.org_id = ?::uuid AND o.role = 'COOPERATING'", plan, createdId("示例旗财政局").toString())).isEqualTo(1);
    }

    @Test
    void aPlannerAskingToCreateOrganizationsIsForbiddenAndNothingIsWritten() {
        long audit = Db.count("SELECT count(*) FROM audit_trail");
        JsonPath refused = importBanner(TestTokens.planner(FakeOrgTreeClient.BANNER), false, BANNER_DEPARTMENTS);

        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(refused.getString("errors[0].message")).startsWith("createOrganizations: ");
        assertThat(orgTree.created).isEmpty();
        assertThat(plans()).isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_trail")).isEqualTo(audit);
    }

    @Test
    void aDocumentStillRefusedWithTheProposalsAcceptedCreatesNone() {
        // the banner's 农牧局 leads the first task: without it the plan cannot be saved, so 财政局 is not created either
        JsonPath refused = importBanner(TestTokens.admin(), false, List.of("财政局"));

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).startsWith("leadOrgs: ").contains("旗农牧局");
        assertThat(orgTree.created).isEmpty();
        assertThat(plans()).isZero();
    }

    @Test
    void whenCreatingAnOrganizationFailsNoPlanIsSavedAndTheErrorNamesWhatWasCreated() {
        orgTree.failAfterCreates = 2;
        JsonPath failed = importBanner(TestTokens.admin(), false, BANNER_DEPARTMENTS);

        assertThat(firstErrorCode(failed)).isEqualTo("UNAVAILABLE");
        assertThat(failed.getString("errors[0].message")).contains("nothing was saved in plan-service")
                .contains("示例旗农牧局、示例旗住房和城乡建设局").contains("creating organization 示例旗财政局");
        assertThat(plans()).isZero();
        assertThat(indicators.created).isEmpty();
    }

    @Test
    void acceptingANameThatWasNotProposedIsRefusedNamingIt() {
        JsonPath refused = importBanner(TestTokens.admin(), false, List.of("示例旗教育局"));

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).startsWith("createOrganizations: ").contains("示例旗教育局");
        assertThat(orgTree.created).isEmpty();
        assertThat(plans()).isZero();
    }
}
