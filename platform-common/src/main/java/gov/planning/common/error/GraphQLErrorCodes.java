package gov.planning.common.error;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.jboss.logging.Logger;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;

/**
 * Gives the errors graphql-java and SmallRye raise before a resolver runs the codes clients act on, with messages
 * free of Java and AST internals: a query that does not match the schema is {@code GRAPHQL_VALIDATION_FAILED}; a
 * value that does not fit its argument's type (a variable of the wrong type, an unknown input field, a value
 * SmallRye could not convert) is {@code BAD_USER_INPUT}, as the gateway answers too. Syntax errors never get this
 * far: {@link GraphQLRequestCheck} answers them.
 */
public final class GraphQLErrorCodes {

    public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");
    private static final Pattern AST_VALUE = Pattern.compile("'?(?:String|Int|Float|Boolean|Enum)Value\\{value='?(.*?)'?}'?");
    private static final Pattern AST_KIND = Pattern.compile("'(String|Int|Float|Boolean|Enum|Object|Array|Null)Value'");
    private static final Pattern JAVA_VALUE = Pattern.compile("'(Double|Float|Integer|Long|Short|Byte|BigDecimal|BigInteger|String|Boolean|"
            + "LinkedHashMap|HashMap|Map|ArrayList|List|JsonArray|JsonObject)'");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

    private static final Logger LOG = Logger.getLogger(GraphQLErrorCodes.class);
    static final String INTERNAL = "INTERNAL_SERVER_ERROR";
    /** The codes a resolver's error may carry to a client (docs/frontend.md's error table); any other is a bug. */
    private static final Set<String> CLIENT_CODES = Set.of(BadUserInputException.CODE, ConflictException.CODE,
            ForbiddenException.CODE, NotFoundException.CODE, UnavailableException.CODE, "UNAUTHENTICATED");

    private GraphQLErrorCodes() {
    }

    /** After each request ({@link GraphQLEvents}): its errors with their codes. */
    static void codes(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result == null || result.getErrors().isEmpty() || !(context instanceof SmallRyeContext smallRye)) {
            return;
        }
        List<GraphQLError> errors = result.getErrors().stream().map(GraphQLErrorCodes::withCode).toList();
        smallRye.setExecutionResult(ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build());
    }

    static GraphQLError withCode(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            // Decided on the exception: SmallRye adds its code (our @ErrorCode, else one made of the class name) only
            // when it writes the answer, after this runs.
            Throwable cause = fetching.getException();
            if (cause instanceof PlatformException) {
                return error;
            }
            PlatformException rule = wrappedRule(cause);
            if (rule != null) {
                return refused(fetching, rule);
            }
            Object code = codeOf(error);
            return code != null && CLIENT_CODES.contains(code) ? error : internal(fetching);
        }
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        if (error instanceof ValidationError validation) {
            String description = validation.getDescription() == null ? "" : validation.getDescription();
            if (isConversionFailure(validation, description)) {
                Matcher argument = ARGUMENT.matcher(description);
                String name = argument.find() ? argument.group(1) : "input";
                return badUserInput(error, name + ": a value does not fit its type (dates are yyyy-MM-dd, numbers are numbers)");
            }
            return ValidationError.newValidationError()
                    .validationErrorType(validation.getValidationErrorType())
                    .sourceLocations(validation.getLocations())
                    .description(clean(description))
                    .queryPath(validation.getQueryPath())
                    .extensions(withCode(validation.getExtensions(), VALIDATION_FAILED))
                    .build();
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return badUserInput(error, clean(error.getMessage()));
        }
        return error;
    }

    /**
     * SmallRye's TransformException error: the value passed graphql-java's type check but could not be converted to
     * Java. Unlike graphql-java's own WrongType errors it gives no reason after " - ", only the value and a Java type.
     */
    private static boolean isConversionFailure(ValidationError validation, String description) {
        return validation.getValidationErrorType() == ValidationErrorType.WrongType && description.startsWith("argument '")
                && !description.contains("' - ");
    }

    private static GraphQLError badUserInput(GraphQLError error, String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(ErrorType.ValidationError)
                .extensions(withCode(error.getExtensions(), BadUserInputException.CODE))
                .build();
    }

    /**
     * A rule's refusal wrapped on its way: a batched field's ({@code @Source} list) exception reaches graphql-java
     * inside the DataLoader's {@code RuntimeException} or a {@code CompletionException}, which SmallRye would answer as
     * a bare "System error" with the code {@code runtime}.
     */
    private static PlatformException wrappedRule(Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof PlatformException rule) {
                return rule;
            }
            if (!(t.getClass() == RuntimeException.class || t instanceof java.util.concurrent.CompletionException
                    || t instanceof java.util.concurrent.ExecutionException)) {
                return null;
            }
        }
        return null;
    }

    private static GraphQLError refused(ExceptionWhileDataFetching fetching, PlatformException rule) {
        return GraphqlErrorBuilder.newError()
                .message(rule.getMessage())
                .locations(fetching.getLocations())
                .path(fetching.getPath())
                .errorType(ErrorType.DataFetchingException)
                .extensions(withCode(Map.of(), rule.code()))
                .build();
    }

    private static Object codeOf(GraphQLError error) {
        return error.getExtensions() == null ? null : error.getExtensions().get("code");
    }

    /**
     * A resolver failed in a way no rule names (a bug, a broken row): SmallRye would answer a code made of the
     * exception's class name ({@code decode}, {@code pg}). The client gets the documented INTERNAL_SERVER_ERROR and
     * nothing of the cause; the log gets the cause, which SmallRye's own logging of it is switched off for.
     */
    private static GraphQLError internal(ExceptionWhileDataFetching fetching) {
        LOG.errorf(fetching.getException(), "Resolver failed at %s", fetching.getPath());
        return GraphqlErrorBuilder.newError()
                .message("System error")
                .locations(fetching.getLocations())
                .path(fetching.getPath())
                .errorType(ErrorType.DataFetchingException)
                .extensions(withCode(Map.of(), INTERNAL))
                .build();
    }

    private static Map<String, Object> withCode(Map<String, Object> extensions, String code) {
        Map<String, Object> all = extensions == null ? new HashMap<>() : new HashMap<>(extensions);
        all.put("code", code);
        return all;
    }

    /** graphql-java's wording without its AST class names ({@code StringValue{value='x'}} → {@code 'x'}) or Java types. */
    static String clean(String message) {
        String m = AST_VALUE.matcher(message).replaceAll(r -> Matcher.quoteReplacement("'" + r.group(1) + "'"));
        m = AST_KIND.matcher(m).replaceAll(r -> switch (r.group(1)) {
            case "String" -> "a string";
            case "Int" -> "an integer";
            case "Float" -> "a number";
            case "Boolean" -> "a boolean";
            case "Enum" -> "an enum value";
            case "Object" -> "an object";
            case "Array" -> "a list";
            default -> "null";
        });
        m = JAVA_VALUE.matcher(m).replaceAll(r -> switch (r.group(1)) {
            case "Double", "Float", "BigDecimal" -> "a decimal number";
            case "Integer", "Long", "Short", "Byte", "BigInteger" -> "an integer";
            case "String" -> "a string";
            case "Boolean" -> "a boolean";
            case "LinkedHashMap", "HashMap", "Map", "JsonObject" -> "an object";
            default -> "a list";
        });
        return JAVA_NAME.matcher(m).replaceAll("a value");
    }
}
