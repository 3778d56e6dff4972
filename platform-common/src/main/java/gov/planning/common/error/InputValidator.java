package gov.planning.common.error;

import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks an input's Bean Validation constraints and refuses it as {@code BAD_USER_INPUT}, naming every field and
 * rule it breaks. Services call this instead of relying on {@code @Valid} at the GraphQL layer, whose errors carry
 * no {@code extensions.code} and would break the one error contract clients code against.
 */
@ApplicationScoped
public class InputValidator {

    @Inject
    Validator validator;

    public <T> T check(T input) {
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new BadUserInputException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(InputValidator::describe)
                    .collect(Collectors.joining("; ")));
        }
        return input;
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }
}
