package gov.planning.gateway.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.Value;

/**
 * graphql-java's validation and coercion messages speak Java: argument values as its AST classes print themselves
 * ({@code StringValue{value='x'}}) and the Java types of variable values ({@code but it was a 'LinkedHashMap'}).
 * Clients get GraphQL and JSON words instead; a message that still looks like Java after that is replaced by a
 * plain one (what it said is logged).
 */
public final class ClientMessages {

    private static final Pattern AST_KIND = Pattern.compile("'(Int|Float|String|Boolean|Enum|Object|Array|Null)Value'|'VariableReference'");
    /** Only where graphql-java names the Java class of a value: 'String' elsewhere is GraphQL's scalar. */
    private static final Pattern JAVA_TYPE = Pattern.compile("(?<=was an? |was )'(Integer|Long|Short|Byte|BigInteger|BigDecimal|Double|Float|Boolean|String|LinkedHashMap|HashMap|Map|ArrayList|List)'");
    private static final Pattern JAVA_LOOKING = Pattern.compile("[A-Z][A-Za-z]+\\{|java\\.|javax\\.|graphql\\.|gov\\.planning|Exception|\\tat ");

    private ClientMessages() {
    }

    /** A validation message with the operation's literals printed as GraphQL. */
    static String validation(String message, Document document) {
        if (message == null || !message.contains("{")) {
            return words(message);
        }
        Map<String, String> printed = new LinkedHashMap<>();
        collectValues(document, printed);
        List<String> asJava = new ArrayList<>(printed.keySet());
        asJava.sort(Comparator.comparingInt(String::length).reversed()); // outer values before the values inside them
        String result = message;
        for (String java : asJava) {
            result = result.replace(java, printed.get(java));
        }
        return words(result);
    }

    /** A coercion (variables) message with GraphQL's and JSON's names for the kinds of values. */
    static String words(String message) {
        if (message == null) {
            return null;
        }
        String result = AST_KIND.matcher(message).replaceAll(m -> m.group(1) == null ? "a variable" : switch (m.group(1)) {
            case "Int" -> "an integer";
            case "Float" -> "a float";
            case "String" -> "a string";
            case "Boolean" -> "a boolean";
            case "Enum" -> "an enum value";
            case "Object" -> "an object";
            case "Array" -> "a list";
            default -> "null";
        });
        result = JAVA_TYPE.matcher(result).replaceAll(m -> switch (m.group(1)) {
            case "String" -> "a string";
            case "Boolean" -> "a boolean";
            case "LinkedHashMap", "HashMap", "Map" -> "an object";
            case "ArrayList", "List" -> "a list";
            case "Long", "BigInteger" -> "an integer beyond 32 bits";
            case "Integer", "Short", "Byte" -> "an integer";
            default -> "a number";
        });
        return result.replace("an AST type of ", "").replace("Expected type 'Map'", "Expected an object")
                .replace(" Variables for input objects must be an instance of type 'Map'.", "")
                .replace("was a a ", "was a ").replace("was a an ", "was an ");
    }

    /** Whether a message still shows Java internals (then the caller answers a plain message instead). */
    public static boolean looksLikeJava(String message) {
        return message != null && JAVA_LOOKING.matcher(message).find();
    }

    private static void collectValues(Node<?> node, Map<String, String> printed) {
        for (Node<?> child : node.getChildren()) {
            if (child instanceof Value<?> value) {
                printed.putIfAbsent(value.toString(), AstPrinter.printAstCompact(value));
            }
            collectValues(child, printed);
        }
    }
}
