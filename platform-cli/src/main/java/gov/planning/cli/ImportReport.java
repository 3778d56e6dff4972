package gov.planning.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What an import understood, as ./platform import prints it: the plan, its tasks, indicators, tables and open questions. */
final class ImportReport {

    private ImportReport() {
    }

    static String describe(JsonNode r) {
        StringBuilder out = new StringBuilder();
        JsonNode plan = r.path("plan");
        line(out, r.path("title").asText() + "  " + or(r.path("docNumber"), "(no document number)"));
        line(out, "issued " + or(r.path("issuedOn"), "?") + ", period " + or(r.path("periodStart"), "?") + "–" + or(r.path("periodEnd"), "?"));
        line(out, plan.isObject() ? "saved as plan " + plan.path("id").asText() + " (" + plan.path("status").asText() + ")"
                : "dry run: nothing saved");
        JsonNode tables = r.path("regionalTables");
        line(out, "%d tasks, %d indicators, %d tables, %d unresolved names, %d warnings".formatted(r.path("tasks").size(),
                r.path("indicators").size(), tables.size(), r.path("unresolvedNames").size(), r.path("warnings").size()));

        line(out, "\nTasks");
        for (JsonNode t : r.path("tasks")) {
            JsonNode d = t.path("deadline");
            String deadline = !d.isObject() ? "-"
                    : d.path("text").asText() + (present(d.path("date")) ? " (" + d.path("date").asText() + ")" : "")
                            + (d.path("ongoing").asBoolean() ? " (ongoing)" : "");
            line(out, "  " + or(t.path("number"), "·") + " " + t.path("title").asText());
            line(out, "      lead: " + orgs(t.path("leadOrgs")));
            if (t.path("cooperatingOrgs").size() > 0) {
                line(out, "      cooperating: " + orgs(t.path("cooperatingOrgs")));
            }
            int milestones = t.path("milestones").size();
            line(out, "      deadline: " + deadline + (milestones > 0 ? "; " + milestones + " milestones" : ""));
        }

        line(out, "\nIndicators");
        for (JsonNode i : r.path("indicators")) {
            JsonNode b = i.path("baseline");
            String base = !b.isObject() ? ""
                    : " from " + num(b.path("value")) + (present(b.path("year")) ? " (" + b.path("year").asText() + ")" : "");
            JsonNode target = i.path("target");
            line(out, "  " + i.path("name").asText() + ": " + i.path("comparator").asText() + " " + num(target.path("value"))
                    + or(i.path("unit"), "") + " " + (present(target.path("year")) ? "(" + target.path("year").asText() + ")" : "") + base
                    + (i.path("leadOrgs").size() > 0 ? "; responsible: " + orgs(i.path("leadOrgs")) : ""));
        }

        line(out, "\nTables");
        for (JsonNode t : tables) {
            List<String> periods = new ArrayList<>();
            t.path("periods").forEach(p -> periods.add(p.asText()));
            line(out, "  " + t.path("title").asText() + " (" + or(t.path("unit"), "no unit") + "): " + t.path("rows").size() + " regions × "
                    + String.join(", ", periods));
            for (JsonNode row : t.path("rows")) {
                JsonNode region = row.path("region");
                line(out, "      " + row.path("regionName").asText() + " → " + (region.isObject() ? region.path("code").asText() : "UNRESOLVED")
                        + ": " + nums(row.path("values")));
            }
            if (present(t.path("totals"))) {
                line(out, "      合计: " + nums(t.path("totals")));
            }
            line(out, "      totals check: " + (t.path("totalsMatch").asBoolean() ? "add up" : "DO NOT ADD UP"));
        }

        if (r.path("unresolvedNames").size() > 0) {
            line(out, "\nUnresolved names (candidates)");
            Map<String, JsonNode> candidates = new LinkedHashMap<>();
            for (JsonNode t : r.path("tasks")) {
                unresolved(t.path("leadOrgs"), candidates);
                unresolved(t.path("cooperatingOrgs"), candidates);
            }
            for (JsonNode i : r.path("indicators")) {
                unresolved(i.path("leadOrgs"), candidates);
            }
            for (JsonNode name : r.path("unresolvedNames")) {
                List<String> found = new ArrayList<>();
                JsonNode c = candidates.get(name.asText());
                if (c != null) {
                    c.forEach(x -> found.add(x.path("code").asText() + " " + x.path("name").asText()));
                }
                line(out, "  " + name.asText() + ": " + (found.isEmpty() ? "no candidates" : String.join(", ", found)));
            }
        }
        if (r.path("warnings").size() > 0) {
            line(out, "\nWarnings");
            r.path("warnings").forEach(w -> line(out, "  " + w.asText()));
        }
        return out.toString();
    }

    private static void unresolved(JsonNode matches, Map<String, JsonNode> candidates) {
        for (JsonNode m : matches) {
            if (!m.path("organization").isObject()) {
                candidates.putIfAbsent(m.path("input").asText(), m.path("candidates"));
            }
        }
    }

    private static String orgs(JsonNode matches) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : matches) {
            JsonNode o = m.path("organization");
            out.add(m.path("input").asText() + " → " + (o.isObject() ? o.path("code").asText() : "UNRESOLVED"));
        }
        return out.isEmpty() ? "(none)" : String.join("; ", out);
    }

    private static String nums(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(num(v)));
        return String.join(", ", out);
    }

    /** A value as staff write it: whole numbers without a point, others to six significant digits without trailing zeros. */
    static String num(JsonNode v) {
        if (!present(v)) {
            return "-";
        }
        double d = v.asDouble();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static boolean present(JsonNode v) {
        return !v.isMissingNode() && !v.isNull();
    }

    private static String or(JsonNode v, String otherwise) {
        return present(v) && !v.asText().isEmpty() ? v.asText() : otherwise;
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
