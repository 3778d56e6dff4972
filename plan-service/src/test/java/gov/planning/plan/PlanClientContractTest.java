package gov.planning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.planclient.PlanOperations;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * plan-client's contract: every operation the other services send to this service (plan-client's {@link PlanOperations})
 * is valid against the schema served here. Renaming or removing a field, argument or type they use fails this build.
 */
@QuarkusTest
class PlanClientContractTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void everyOperationPlanClientSendsIsValidAgainstTheServedSchema() {
        assertThat(PlanOperations.all()).isNotEmpty();
        for (String operation : PlanOperations.all()) {
            assertThat(errors(operation)).as(operation).isEmpty();
        }
    }

    @Test
    void anOperationUsingAFieldThisServiceDoesNotServeIsRefused() {
        assertThat(errors("query($p: ID!) { plan(id: $p) { id namez } }"))
                .extracting(ValidationError::getDescription).anyMatch(message -> message.contains("namez"));
    }

    private List<ValidationError> errors(String operation) {
        return new Validator().validateDocument(schema, Parser.parse(operation), Locale.ENGLISH);
    }
}
