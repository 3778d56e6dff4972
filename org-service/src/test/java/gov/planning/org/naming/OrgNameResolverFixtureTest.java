package gov.planning.org.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.org.reference.ReferenceData;

/**
 * The resolver over the bundled reference data against the colleague's ground truth from the sample documents.
 * No database: the resolver is plain Java over the same tree the service loads.
 */
class OrgNameResolverFixtureTest {

    record Row(int line, String sample, String name, String context, LocalDate asOf, String expected) {
    }

    static OrgNameResolver resolver;
    static OrgTree tree;
    static List<Row> rows;

    @BeforeAll
    static void load() throws IOException {
        tree = ReferenceData.bundled().toTree();
        resolver = new OrgNameResolver(tree);
        rows = new ArrayList<>();
        try (InputStream in = OrgNameResolverFixtureTest.class.getResourceAsStream("/reference/sample-unit-names.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replace("\r", "");
                if (line.isBlank() || line.startsWith("#") || line.startsWith("sample\t")) {
                    continue;
                }
                // -1 keeps the trailing empty column: an empty expected means "must stay unresolved".
                String[] cols = line.split("\t", -1);
                rows.add(new Row(i + 1, cols[0], cols[1], cols[2], LocalDate.parse(cols[3]), cols[4].strip()));
            }
        }
    }

    private static String resolvedCode(Row row) {
        OrgNode org = resolver.resolve(row.name(), row.context(), row.asOf()).organization();
        return org == null ? "" : org.code();
    }

    @Test
    void resolvesMostFixtureRowsExactly() {
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            String got = resolvedCode(row);
            if (got.equals(row.expected())) {
                right++;
            } else {
                misses.add("line " + row.line() + ": " + row.name() + " (" + row.context() + ") expected '" + row.expected()
                        + "' got '" + got + "'");
            }
        }
        double share = 100.0 * right / rows.size();
        System.out.printf("OrgNameResolver: %d of %d fixture rows right (%.1f%%)%n", right, rows.size(), share);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(rows).hasSizeGreaterThan(100);
        assertThat(share).as(String.join("\n", misses)).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void neverGivesAWrongConfidentAnswer() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            String got = resolvedCode(row);
            if (!got.isEmpty() && !got.equals(row.expected())) {
                wrong.add("line " + row.line() + ": " + row.name() + " → " + got + " (expected '" + row.expected() + "')");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void unresolvedFixtureRowsStayUnresolved() {
        rows.stream().filter(r -> r.expected().isEmpty())
                .forEach(r -> assertThat(resolvedCode(r)).as(r.name()).isEmpty());
    }
}
