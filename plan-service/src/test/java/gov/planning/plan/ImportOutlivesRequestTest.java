package gov.planning.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;
import gov.planning.testing.TestDatabase;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

/**
 * An import outlives the HTTP request that started it when the gateway (10 s per subgraph fetch) gives up first: the
 * request context ends with the connection, and the import must still finish as the user who started it.
 */
@QuarkusTest
class ImportOutlivesRequestTest {

    @Inject
    FakeIndicatorClient indicators;

    @AfterEach
    void reset() {
        indicators.reset();
    }

    @Test
    void anImportWhoseCallerHungUpFinishesWithTheCallersNameAndToken() throws Exception {
        String number = "示政办发〔2025〕990号";
        String text = SampleDocuments.read("synthetic-breakdown-table.txt").replace("示政办发〔2025〕12号", number);
        indicators.createDelay = Duration.ofMillis(700);
        String token = TestTokens.admin();

        // The client gives up after a second, as the gateway does after ten: the connection closes mid-import.
        RestAssuredConfig impatient = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 1000));
        assertThatThrownBy(() -> given().config(impatient).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("query", "mutation($text: String!) { importPlanDocument(text: $text, dryRun: false, issuerCode: \"nmg\") { plan { id } } }",
                        "variables", Map.of("text", text)))
                .post("/graphql").then().extract().asString())
                .isInstanceOf(java.net.SocketTimeoutException.class);

        // five indicators at 0.7 s each: the import ends some 3 s after the caller hung up
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && TestDatabase.count("SELECT count(*) FROM plan WHERE doc_number = ? AND NOT importing", number) == 0) {
            Thread.sleep(200);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM plan WHERE doc_number = ? AND NOT importing AND created_by = 'admin'", number))
                .as("the plan is saved, shown, and written by the user who started the import").isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_trail a JOIN plan p ON p.id = a.entity_id"
                + " WHERE p.doc_number = ? AND a.action = 'IMPORT' AND a.actor = 'admin'", number)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.doc_number = ?", number))
                .isEqualTo(4);
        assertThat(indicators.created).hasSize(5);
        assertThat(indicators.bearers).as("indicator-service was asked as the user who started the import").containsOnly(token);
    }
}
