package gov.planning.common.error;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import gov.planning.common.api.Ids;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import io.smallrye.graphql.api.Context;

/**
 * The rules every argument a client types must keep, whatever the field: checked against the schema's types before
 * any resolver (or SmallRye's conversion to Java) runs, so a bad value answers {@code BAD_USER_INPUT} naming its
 * path ({@code input.milestones[0].dueDate}) instead of "System error", a message with Java types, or a stored
 * impossible value. Services keep their domain rules (percent 0–100, units) in their own validation.
 *
 * <ul>
 * <li>{@code Date}: strictly {@code yyyy-MM-dd}, a real day, year {@value #MIN_YEAR}–{@value #MAX_YEAR}.</li>
 * <li>{@code String}/{@code ID}: no NUL or other control characters (tab, line feed and carriage return are allowed
 * in the multi-line fields {@link #MULTI_LINE}), no lone surrogate halves.</li>
 * <li>{@code ID}: a UUID, since every record id of the platform is one (federation representations are
 * {@code _Any}, not {@code ID}, and are not checked here).</li>
 * <li>{@code Int}: a whole number within 32 bits, never text; {@code Float}: a number (not text), finite and within ±{@value #MAX_MAGNITUDE} (a bigger
 * quantity is a typo, not a plan).</li>
 * </ul>
 */
public final class InputContract {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;
    static final double MAX_MAGNITUDE = 1e15;
    /** Arguments and input fields that hold paragraphs, where line breaks and tabs are part of the text. */
    static final Set<String> MULTI_LINE = Set.of("text", "description", "summary", "problems", "nextSteps", "comment",
            "reviewComment", "note", "body", "source");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InputContract() {
    }

    /** Before each field is fetched ({@link GraphQLEvents}): its arguments, or a {@link BadUserInputException} naming them. */
    static void checkArguments(Context context) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        if (env == null || env.getFieldDefinition() == null || env.getFieldDefinition().getArguments().isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
            if (env.containsArgument(argument.getName())) {
                check(argument.getName(), argument.getName(), argument.getType(), env.getArgument(argument.getName()), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserInputException(String.join("; ", problems));
        }
    }

    /** The problems of {@code value} at {@code path} for {@code type}; {@code name} is the field's own name. */
    static void check(String path, String name, GraphQLInputType type, Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                check(path + "[" + i + "]", name, (GraphQLInputType) list.getWrappedType(), items.get(i), problems);
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                check(path + "." + field.getName(), field.getName(), field.getType(), fields.get(field.getName()), problems);
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar) {
            String problem = scalarProblem(scalar.getName(), name, value);
            if (problem != null) {
                problems.add(path + ": " + problem);
            }
        }
    }

    static String scalarProblem(String scalar, String name, Object value) {
        switch (scalar) {
            case "Date":
                return value instanceof String text ? dateProblem(text) : null;
            case "String":
                return value instanceof String text ? textProblem(text, MULTI_LINE.contains(name)) : null;
            case "ID":
                if (value instanceof String text) {
                    String problem = textProblem(text, false);
                    return problem != null ? problem : Ids.isWellFormed(text) ? null : "'" + text + "' is not a valid id";
                }
                return null;
            case "Int":
                // SmallRye's Int scalar lets 1e308 or 3000000000 through coercion and fails later as "System error",
                // and a numeric string ("2026") too, which its conversion then drops without a word.
                if (value instanceof String) {
                    return "must be a whole number, not text";
                }
                if (value instanceof Number number) {
                    double d = number.doubleValue();
                    if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                        return "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", was " + number;
                    }
                }
                return null;
            case "Float":
                if (value instanceof String) {
                    return "must be a number, not text";
                }
                if (value instanceof Number number) {
                    double d = number.doubleValue();
                    if (!Double.isFinite(d) || Math.abs(d) > MAX_MAGNITUDE) {
                        return "must be a finite number between -1e15 and 1e15, was " + number;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    static String dateProblem(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        String rule = " is not a date: write yyyy-MM-dd with a real month and day and a year from " + MIN_YEAR + " to " + MAX_YEAR;
        if (!DATE.matcher(text).matches()) {
            return "'" + printable(shown) + "'" + rule;
        }
        try {
            LocalDate date = LocalDate.parse(text, STRICT_DATE);
            return date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR ? "'" + shown + "'" + rule : null;
        } catch (DateTimeException e) {
            return "'" + shown + "'" + rule;
        }
    }

    /** Null when {@code text} is acceptable; else what is wrong, saying where (never echoing the bad character). */
    static String textProblem(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a broken character (a lone surrogate) at position " + (i + 1);
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a broken character (a lone surrogate) at position " + (i + 1);
            }
            if (c == 0) {
                return "contains a NUL character at position " + (i + 1);
            }
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (Character.getType(c) == Character.CONTROL && !(multiLine && lineBreakOrTab)) {
                return (lineBreakOrTab ? "must be a single line: contains a line break or tab" : "contains a control character (U+"
                        + String.format("%04X", (int) c) + ")") + " at position " + (i + 1);
            }
        }
        return null;
    }

    private static String printable(String text) {
        return textProblem(text, false) == null ? text : "(unprintable)";
    }
}
