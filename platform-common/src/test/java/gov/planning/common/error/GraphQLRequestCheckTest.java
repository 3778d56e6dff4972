package gov.planning.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphQLRequestCheckTest {

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=utf-8", "Application/JSON", "application/graphql-response+json" })
    void jsonBodiesAreReadWhateverTheirParameters(String contentType) {
        assertThat(GraphQLRequestCheck.isJson(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "text/plain; charset=ISO-8859-1", "application/x-www-form-urlencoded", "application/xml",
            "multipart/form-data; boundary=x", "text/json+html" })
    void otherBodiesAreNotTakenForJson(String contentType) {
        assertThat(GraphQLRequestCheck.isJson(contentType)).isFalse();
    }
}
