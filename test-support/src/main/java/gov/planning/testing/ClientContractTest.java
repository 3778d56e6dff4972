package gov.planning.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * A typed client's contract, checked in its provider (decision 0006): every operation the other services send through
 * the client is valid against the schema the provider serves, so renaming or removing a field, argument or type they
 * use fails the provider's build. A provider's {@code @QuarkusTest} subclass names its client's operations and one
 * operation with a field the provider does not serve, which must be refused (else the check proves nothing).
 */
public abstract class ClientContractTest {

    @Inject
    protected GraphQLSchema schema;

    private final List<String> clientOperations;
    private final String operationWithUnservedField;
    private final String unservedField;

    /**
     * @param clientOperations every operation the client sends (its {@code *Operations.all()})
     * @param operationWithUnservedField an operation asking for {@code unservedField}, which this provider does not serve
     */
    protected ClientContractTest(List<String> clientOperations, String operationWithUnservedField, String unservedField) {
        this.clientOperations = clientOperations;
        this.operationWithUnservedField = operationWithUnservedField;
        this.unservedField = unservedField;
    }

    @Test
    protected void everyOperationTheClientSendsIsValidAgainstTheServedSchema() {
        assertThat(clientOperations).isNotEmpty();
        for (String operation : clientOperations) {
            assertThat(errors(operation)).as(operation).isEmpty();
        }
    }

    @Test
    protected void anOperationUsingAFieldThisServiceDoesNotServeIsRefused() {
        assertThat(errors(operationWithUnservedField))
                .extracting(ValidationError::getDescription).anyMatch(message -> message.contains(unservedField));
    }

    private List<ValidationError> errors(String operation) {
        return new Validator().validateDocument(schema, Parser.parse(operation), Locale.ENGLISH);
    }
}
