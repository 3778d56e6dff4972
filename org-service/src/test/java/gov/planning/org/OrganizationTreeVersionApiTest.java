package gov.planning.org;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * organizationTreeVersion, which the other services' caches of organizations keep their answers by (org-client): the
 * same while nothing is written, another after an organization or a collective's rule is written, and on another day.
 */
@QuarkusTest
class OrganizationTreeVersionApiTest {

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        clock.useSystemTime();
    }

    private static String version() {
        JsonPath answer = post(TestTokens.viewer(), "{ organizationTreeVersion }");
        assertThat(answer.getString("errors")).as(answer.prettify()).isNull();
        return answer.getString("data.organizationTreeVersion");
    }

    private static JsonPath admin(String mutation, Map<String, Object> variables) {
        JsonPath done = post(TestTokens.admin(), mutation, variables);
        assertThat(done.getString("errors")).as(done.prettify()).isNull();
        return done;
    }

    @Test
    void theVersionStaysWhileOrganizationsAreReadAndMovesWithEveryWrite() throws Throwable {
        clock.setToday(LocalDate.of(2026, 12, 7));
        admin("mutation { createOrganization(input: {code: \"tv\", name: \"版本测试政府\", kind: GOVERNMENT}) { id } }", Map.of());
        String before = version();
        post(TestTokens.viewer(), "{ organization(code: \"tv\") { id descendantIds } organizations(first: 5) { totalCount } }");
        assertThat(version()).as("reads leave it").isEqualTo(before);

        admin("mutation { createOrganization(input: {code: \"tv.a\", name: \"版本测试局\", kind: DEPARTMENT, parentCode: \"tv\"}) { id } }", Map.of());
        String afterOrganization = version();
        assertThat(afterOrganization).as("an organization written").isNotEqualTo(before);

        String collective = admin("mutation { createCollective(input: {code: \"tv-all\", name: \"版本测试各局\", parentCode: \"tv\", "
                + "rule: {underCode: \"tv\", kind: DEPARTMENT}}) { id } }", Map.of()).getString("data.createCollective.id");
        String afterCollective = version();
        admin("mutation($id: ID!) { setCollectiveRule(id: $id, rule: {underCode: \"tv\", kind: AGENCY}) { id } }", Map.of("id", collective));
        String afterRule = version();
        assertThat(afterRule).as("a collective's rule written: its members changed").isNotEqualTo(afterCollective);

        // An operator's SQL writes only the rule: its members change all the same.
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("UPDATE collective_rule SET member_kind = 'DEPARTMENT' WHERE collective_id = $1")
                .execute(Tuple.of(UUID.fromString(collective))));
        assertThat(version()).as("a rule written by SQL").isNotEqualTo(afterRule);
    }

    @Test
    void theVersionIsAnotherOnAnotherDay() {
        clock.setToday(LocalDate.of(2026, 12, 7));
        String today = version();
        assertThat(version()).isEqualTo(today);
        clock.setToday(LocalDate.of(2026, 12, 8));
        assertThat(version()).as("validity, members and successors are as of today").isNotEqualTo(today);
    }
}
