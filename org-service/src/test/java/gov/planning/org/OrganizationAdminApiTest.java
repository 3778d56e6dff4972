package gov.planning.org;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Admin-only writes: each is audited, a stale version is a CONFLICT, and a refused write changes nothing. */
@QuarkusTest
class OrganizationAdminApiTest {

    @jakarta.inject.Inject
    RecordedChanges changes;

    private static final String FIELDS = "id code name aliases version validTo parent { code } successor { code } predecessors { code }";

    private static JsonPath create(String code, String name, String parentCode) {
        Map<String, Object> input = new HashMap<>(Map.of("code", code, "name", name, "kind", "DEPARTMENT", "level", "PROVINCE"));
        if (parentCode != null) {
            input.put("parentCode", parentCode);
        }
        JsonPath created = post(TestTokens.admin(), "mutation($input: OrganizationInput!) { createOrganization(input: $input) { " + FIELDS + " } }",
                Map.of("input", input));
        assertThat(created.getString("errors")).as(created.prettify()).isNull();
        return created;
    }

    private static JsonPath read(String code) {
        return post(TestTokens.admin(), "{ organization(code: \"" + code + "\") { " + FIELDS + " } }");
    }

    private static JsonPath audit(String token, String id) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        return post(token, "query($id: ID) { auditLog(organizationId: $id, first: 10) { totalCount edges { node { actor action before after } } } }",
                variables);
    }

    private static JsonPath update(String token, String id, int version, Map<String, Object> input) {
        return post(token, "mutation($id: ID!, $v: Int!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, version: $v, input: $input) { "
                + FIELDS + " } }", Map.of("id", id, "v", version, "input", input));
    }

    @Test
    void namesAndAliasesAreStoredTrimmedAndInOneUnicodeFormAndANameOfSpacesIsRefused() {
        String code = "nfc" + System.nanoTime();
        JsonPath created = post(TestTokens.admin(), "mutation($input: OrganizationInput!) { createOrganization(input: $input) { "
                + "id name shortName aliases } }", Map.of("input", Map.of("code", code, "name", "\u3000Cafe\u0301厅 ", "shortName", " 咖啡厅\u3000",
                        "kind", "DEPARTMENT", "aliases", List.of(" 咖啡厅", "咖啡厅\u3000", "Caf\u00e9", "Cafe\u0301", "\u3000"))));
        assertThat(created.getString("errors")).as(created.prettify()).isNull();
        assertThat(created.getString("data.createOrganization.name")).isEqualTo("Caf\u00e9厅");
        assertThat(created.getString("data.createOrganization.shortName")).isEqualTo("咖啡厅");
        assertThat(created.getList("data.createOrganization.aliases")).containsExactly("咖啡厅", "Caf\u00e9");

        JsonPath blank = update(TestTokens.admin(), created.getString("data.createOrganization.id"), 0, Map.of("name", "\u3000 "));
        assertThat(firstErrorCode(blank)).isEqualTo("BAD_USER_INPUT");
        assertThat(blank.getString("errors[0].message")).startsWith("name:");
        assertThat(read(code).getString("data.organization.name")).isEqualTo("Caf\u00e9厅");
    }

    @Test
    void updateWithTheCurrentVersionIsAuditedAndAStaleVersionIsAConflictThatWritesNothing() {
        String id = create("a1", "甲厅", null).getString("data.createOrganization.id");
        JsonPath updated = update(TestTokens.admin(), id, 0, Map.of("name", "甲乙厅", "aliases", List.of("甲乙", "甲厅")));
        assertThat(updated.getString("errors")).as(updated.prettify()).isNull();
        assertThat(updated.getString("data.updateOrganization.name")).isEqualTo("甲乙厅");
        assertThat(updated.getList("data.updateOrganization.aliases")).containsExactly("甲乙", "甲厅");
        assertThat(updated.getInt("data.updateOrganization.version")).isEqualTo(1);

        JsonPath stale = update(TestTokens.admin(), id, 0, Map.of("name", "不应写入"));
        assertThat(firstErrorCode(stale)).isEqualTo("CONFLICT");
        assertThat(read("a1").getString("data.organization.name")).isEqualTo("甲乙厅");

        JsonPath log = audit(TestTokens.admin(), id);
        assertThat(log.getInt("data.auditLog.totalCount")).isEqualTo(2);
        assertThat(log.getList("data.auditLog.edges.node.action")).containsExactly("UPDATE", "CREATE");
        assertThat(log.getString("data.auditLog.edges[0].node.actor")).isEqualTo("admin");
        assertThat(log.getString("data.auditLog.edges[0].node.before")).contains("甲厅");
        assertThat(log.getString("data.auditLog.edges[0].node.after")).contains("甲乙厅");
        assertThat(log.getString("data.auditLog.edges[1].node.before")).isNull();

        // aliases are searchable
        assertThat(post(TestTokens.viewer(), "{ organizations(search: \"甲乙\") { edges { node { code } } } }")
                .getList("data.organizations.edges.node.code")).contains("a1");
    }

    @Test
    void plannersAndViewersCannotWriteOrReadTheAuditLogAndNothingIsWritten() {
        String id = create("a2", "乙厅", null).getString("data.createOrganization.id");
        create("a2p", "乙上级", null);
        for (String token : List.of(TestTokens.viewer(), TestTokens.planner("nmg"), TestTokens.reporter("nmg"))) {
            assertThat(firstErrorCode(update(token, id, 0, Map.of("name", "不应写入")))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(post(token, "mutation($id: ID!) { moveOrganization(id: $id, newParentCode: \"a2p\", version: 0) { id } }",
                    Map.of("id", id)))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(post(token, "mutation($id: ID!) { deactivateOrganization(id: $id, validTo: \"2020-01-01\") { id } }",
                    Map.of("id", id)))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(post(token, "mutation { recordSuccession(predecessorCode: \"a2\", successorCode: \"a2p\", date: \"2020-01-01\") { id } }")))
                    .isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(post(token, "mutation { createCollective(input: {code: \"a2-all\", name: \"各乙\", parentCode: \"a2p\", "
                    + "rule: {underCode: \"a2p\", kind: DEPARTMENT}}) { id } }"))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(post(token, "mutation($id: ID!) { setCollectiveRule(id: $id, rule: {underCode: \"a2p\", kind: AGENCY}) { id } }",
                    Map.of("id", id)))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(audit(token, id))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(audit(token, null))).isEqualTo("FORBIDDEN");
        }
        JsonPath after = read("a2");
        assertThat(after.getString("data.organization.name")).isEqualTo("乙厅");
        assertThat(after.getInt("data.organization.version")).isZero();
        assertThat(after.getString("data.organization.parent")).isNull();
        assertThat(after.getString("data.organization.validTo")).isNull();
        assertThat(read("a2-all").getString("data.organization")).isNull();
        assertThat(audit(TestTokens.admin(), id).getInt("data.auditLog.totalCount")).isEqualTo(1);
        assertThat(changes.events()).noneMatch(e -> e.code().equals("a2") && !e.action().equals("CREATE"));
    }

    @Test
    void invalidUpdatesAreBadUserInputAndCommittedWritesAreAnnounced() throws InterruptedException {
        String id = create("a6", "己厅", null).getString("data.createOrganization.id");
        JsonPath backwards = update(TestTokens.admin(), id, 0, Map.of("validFrom", "2020-01-01", "validTo", "2019-01-01"));
        assertThat(firstErrorCode(backwards)).isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(update(TestTokens.admin(), id, 0, Map.of("name", "")))).isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(update(TestTokens.admin(), "not-an-id", 0, Map.of("name", "x")))).isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(update(TestTokens.admin(), "00000000-0000-0000-0000-000000000000", 0, Map.of("name", "x"))))
                .isEqualTo("NOT_FOUND");
        assertThat(read("a6").getInt("data.organization.version")).isZero();

        update(TestTokens.admin(), id, 0, Map.of("shortName", "己"));
        for (int i = 0; i < 50 && changes.events().stream().noneMatch(e -> e.code().equals("a6") && e.action().equals("UPDATE")); i++) {
            Thread.sleep(100);
        }
        assertThat(changes.events()).filteredOn(e -> e.code().equals("a6")).extracting(e -> e.action())
                .containsExactlyInAnyOrder("CREATE", "UPDATE");
    }

    @Test
    void moveReparentsButRefusesCyclesAndStaleVersions() {
        create("a3", "壬政府", null);
        create("a3.x", "壬甲", "a3");
        String child = create("a3.x.y", "壬甲乙", "a3.x").getString("data.createOrganization.id");
        String top = read("a3").getString("data.organization.id");
        String moveQuery = "mutation($id: ID!, $p: String, $v: Int!) { moveOrganization(id: $id, newParentCode: $p, version: $v) { parent { code } version } }";

        JsonPath cycle = post(TestTokens.admin(), moveQuery, Map.of("id", top, "p", "a3.x.y", "v", 0));
        assertThat(firstErrorCode(cycle)).isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(post(TestTokens.admin(), moveQuery, Map.of("id", top, "p", "a3", "v", 0)))).isEqualTo("BAD_USER_INPUT");
        assertThat(read("a3").getString("data.organization.parent")).isNull();

        assertThat(firstErrorCode(post(TestTokens.admin(), moveQuery, Map.of("id", child, "p", "a3", "v", 7)))).isEqualTo("CONFLICT");
        JsonPath moved = post(TestTokens.admin(), moveQuery, Map.of("id", child, "p", "a3", "v", 0));
        assertThat(moved.getString("errors")).as(moved.prettify()).isNull();
        assertThat(moved.getString("data.moveOrganization.parent.code")).isEqualTo("a3");
        assertThat(post(TestTokens.viewer(), "{ organization(code: \"a3\") { descendants { code } } }").getList("data.organization.descendants.code"))
                .containsExactly("a3.x", "a3.x.y");
        assertThat(audit(TestTokens.admin(), child).getList("data.auditLog.edges.node.action")).containsExactly("MOVE", "CREATE");
    }

    @Test
    void deactivateAndSuccessionKeepTheOldRecordForHistory() {
        String old = create("a4.old", "丁旧厅", null).getString("data.createOrganization.id");
        create("a4.new", "丁新厅", null);
        JsonPath succession = post(TestTokens.admin(),
                "mutation { recordSuccession(predecessorCode: \"a4.old\", successorCode: \"a4.new\", date: \"2018-11-10\") { " + FIELDS + " } }");
        assertThat(succession.getString("errors")).as(succession.prettify()).isNull();
        assertThat(succession.getString("data.recordSuccession.validTo")).isEqualTo("2018-11-10");
        assertThat(succession.getString("data.recordSuccession.successor.code")).isEqualTo("a4.new");
        assertThat(read("a4.new").getList("data.organization.predecessors.code")).containsExactly("a4.old");
        assertThat(firstErrorCode(post(TestTokens.admin(),
                "mutation { recordSuccession(predecessorCode: \"a4.new\", successorCode: \"a4.old\", date: \"2019-01-01\") { id } }")))
                .isEqualTo("BAD_USER_INPUT");
        assertThat(audit(TestTokens.admin(), old).getList("data.auditLog.edges.node.action")).containsExactly("SUCCESSION", "CREATE");

        String gone = create("a4.gone", "丁撤销", null).getString("data.createOrganization.id");
        JsonPath deactivated = post(TestTokens.admin(), "mutation($id: ID!) { deactivateOrganization(id: $id, validTo: \"2021-01-01\") { validTo } }",
                Map.of("id", gone));
        assertThat(deactivated.getString("data.deactivateOrganization.validTo")).isEqualTo("2021-01-01");
        assertThat(read("a4.gone").getString("data.organization.code")).isEqualTo("a4.gone");
    }

    @Test
    void collectivesExpandToTheCurrentMembersOfTheirRule() {
        create("a5", "戊政府", null);
        create("a5.p", "戊甲局", "a5");
        create("a5.q", "戊乙局", "a5");
        String ended = create("a5.r", "戊癸局", "a5").getString("data.createOrganization.id");
        post(TestTokens.admin(), "mutation($id: ID!) { deactivateOrganization(id: $id, validTo: \"2020-01-01\") { id } }", Map.of("id", ended));

        JsonPath collective = post(TestTokens.admin(), "mutation { createCollective(input: {code: \"a5-all\", name: \"戊各局\", aliases: [\"各局\"], "
                + "parentCode: \"a5\", rule: {underCode: \"a5\", kind: DEPARTMENT, level: PROVINCE}}) { id kind members { code } memberRule { under { code } kind level } } }");
        assertThat(collective.getString("errors")).as(collective.prettify()).isNull();
        assertThat(collective.getString("data.createCollective.kind")).isEqualTo("COLLECTIVE");
        assertThat(collective.getList("data.createCollective.members.code")).containsExactly("a5.p", "a5.q");
        assertThat(collective.getString("data.createCollective.memberRule.under.code")).isEqualTo("a5");

        String id = collective.getString("data.createCollective.id");
        JsonPath changed = post(TestTokens.admin(), "mutation($id: ID!) { setCollectiveRule(id: $id, rule: {underCode: \"a5\", kind: AGENCY}) { members { code } } }",
                Map.of("id", id));
        assertThat(changed.getString("errors")).as(changed.prettify()).isNull();
        assertThat(changed.getList("data.setCollectiveRule.members")).isEmpty();
        assertThat(audit(TestTokens.admin(), id).getList("data.auditLog.edges.node.action")).containsExactly("SET_RULE", "CREATE");

        // a write is visible to name resolution at once
        JsonPath resolved = post(TestTokens.viewer(), "{ resolveOrganizationNames(names: [\"戊各局\"], contextCode: \"a5\") { organization { code } } }");
        assertThat(resolved.getString("data.resolveOrganizationNames[0].organization.code")).isEqualTo("a5-all");
    }
}
