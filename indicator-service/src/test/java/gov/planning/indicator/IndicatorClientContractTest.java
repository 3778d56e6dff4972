package gov.planning.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.indicator.security.ImportedPlanIssuer;
import gov.planning.indicatorclient.IndicatorOperations;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * indicator-client's contract: every operation the other services send to this service (indicator-client's {@link IndicatorOperations})
 * is valid against the schema served here. Renaming or removing a field, argument or type they use fails this build.
 */
@QuarkusTest
class IndicatorClientContractTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void everyOperationIndicatorClientSendsIsValidAgainstTheServedSchema() {
        assertThat(IndicatorOperations.all()).isNotEmpty();
        for (String operation : IndicatorOperations.all()) {
            assertThat(errors(operation)).as(operation).isEmpty();
        }
    }

    @Test
    void anOperationUsingAFieldThisServiceDoesNotServeIsRefused() {
        assertThat(errors("query($plan: ID) { indicators(planId: $plan, first: 5) { edges { node { id namez } } } }"))
                .extracting(ValidationError::getDescription).anyMatch(message -> message.contains("namez"));
    }

    @Test
    void theHeadersTheImportStatesThePlansIssuerInAreTheOnesThisServiceReads() {
        assertThat(IndicatorOperations.PLAN_ISSUER_HEADER).isEqualTo(ImportedPlanIssuer.PLAN_ISSUER_HEADER);
        assertThat(IndicatorOperations.SERVICE_TOKEN_HEADER).isEqualTo(ImportedPlanIssuer.SERVICE_TOKEN_HEADER);
    }

    private List<ValidationError> errors(String operation) {
        return new Validator().validateDocument(schema, Parser.parse(operation), Locale.ENGLISH);
    }
}
