package gov.planning.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.orgclient.OrgOperations;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * org-client's contract: every operation the other services send to this service (org-client's {@link OrgOperations})
 * is valid against the schema served here. Renaming or removing a field, argument or type they use fails this build.
 */
@QuarkusTest
class OrgClientContractTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void everyOperationOrgClientSendsIsValidAgainstTheServedSchema() {
        assertThat(OrgOperations.all()).isNotEmpty();
        for (String operation : OrgOperations.all()) {
            assertThat(errors(operation)).as(operation).isEmpty();
        }
    }

    @Test
    void anOperationUsingAFieldThisServiceDoesNotServeIsRefused() {
        assertThat(errors("query($c: String) { organization(code: $c) { id descendantz { id } } }"))
                .extracting(ValidationError::getDescription).anyMatch(message -> message.contains("descendantz"));
    }

    private List<ValidationError> errors(String operation) {
        return new Validator().validateDocument(schema, Parser.parse(operation), Locale.ENGLISH);
    }
}
