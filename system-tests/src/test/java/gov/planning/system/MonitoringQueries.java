package gov.planning.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metric names the Grafana dashboards and the alert rules of k8s/monitoring query, read from their files: the
 * PromQL expressions with strings, label matchers, ranges, grouping clauses, function calls and keywords taken out.
 */
final class MonitoringQueries {

    private static final Pattern EXPR_LINE = Pattern.compile("^(\\s*)expr:\\s*(.*)$");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)\\s*\\(");
    /** Labels Prometheus adds to every scraped series (ServiceMonitor targets), not exported by the services. */
    private static final Set<String> TARGET_LABELS = Set.of("namespace", "job", "pod", "instance", "service", "container", "endpoint");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private MonitoringQueries() {
    }

    /** Every expression of the alert rules ({@code expr:} of a PrometheusRule, single-line or block). */
    static List<String> alertExpressions(Path rulesYaml) throws IOException {
        List<String> lines = Files.readAllLines(rulesYaml);
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPR_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            if (!m.group(2).startsWith("|")) {
                exprs.add(m.group(2));
                continue;
            }
            int indent = m.group(1).length();
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || leading(lines.get(i + 1)) > indent)) {
                block.append(lines.get(++i)).append('\n');
            }
            exprs.add(block.toString());
        }
        return exprs;
    }

    /** Every panel query and template-variable query of a Grafana dashboard. */
    static List<String> dashboardExpressions(Path dashboardJson) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(dashboardJson.toFile());
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            if ("query".equals(variable.path("type").asText())) {
                Matcher m = LABEL_VALUES.matcher(variable.path("query").asText());
                while (m.find()) {
                    exprs.add(m.group(1));
                }
            }
        });
        return exprs;
    }

    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("[a-zA-Z_][a-zA-Z0-9_]*\\s*\\(", "(")
                .replaceAll("\\b[0-9][0-9.eE+-]*\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /**
     * The labels an expression expects each metric to carry: those of its label matchers ({@code m{status=~"5.."}})
     * and those an aggregation groups its argument by ({@code sum by (subgraph) (rate(m[5m]))}). Prometheus' target
     * labels ({@link #TARGET_LABELS}) are left out: the scrape adds them, the services do not export them.
     */
    static Map<String, Set<String>> labelsUsed(String expr) {
        Map<String, Set<String>> used = new TreeMap<>();
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Matcher label = MATCHER_LABEL.matcher(selector.group(2).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
            while (label.find()) {
                add(used, selector.group(1), label.group(1));
            }
        }
        Matcher grouping = GROUPING.matcher(expr);
        while (grouping.find()) {
            String argument = balanced(expr, grouping.end() - 1);
            for (String metric : metricNames(argument)) {
                for (String label : grouping.group(1).split(",")) {
                    add(used, metric, label.strip());
                }
            }
        }
        return used;
    }

    private static void add(Map<String, Set<String>> used, String metric, String label) {
        if (!label.isEmpty() && !TARGET_LABELS.contains(label) && !KEYWORDS.contains(metric)) {
            used.computeIfAbsent(metric, k -> new TreeSet<>()).add(label);
        }
    }

    /** The text inside the parenthesis that opens at {@code open}. */
    private static String balanced(String expr, int open) {
        int depth = 0;
        for (int i = open; i < expr.length(); i++) {
            depth += expr.charAt(i) == '(' ? 1 : expr.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return expr.substring(open + 1, i);
            }
        }
        return expr.substring(open + 1);
    }

    private static int leading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
