package gov.planning.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from one plan document; maps onto the API's {@code PlanImport}. Nothing here is
 * resolved against organization records: names are strings as written.
 *
 * @param title            the plan's own title (the covering notice's title is in {@link #notice()})
 * @param kind             guessed from the title
 * @param docNumber        发文字号, null when the text has none
 * @param issuer           发文机关 as written, null when not found
 * @param issuedOn         印发/成文 date, null when not found
 * @param period           规划期, null when not found
 * @param notice           the covering notice, header and footer that were skipped
 * @param outline          top-level sections
 * @param tasks            all tasks in document order
 * @param indicators       all indicators in document order
 * @param regionalTables   annex breakdown tables
 * @param warnings         what could not be understood, as sentences for a person
 */
public record ParsedPlanDocument(String title, PlanKind kind, String docNumber, String issuer,
                                 LocalDate issuedOn, PlanPeriod period, Notice notice,
                                 List<Section> outline, List<Task> tasks, List<Indicator> indicators,
                                 List<BreakdownTable> regionalTables, List<String> warnings) {
    public ParsedPlanDocument {
        outline = List.copyOf(outline);
        tasks = List.copyOf(tasks);
        indicators = List.copyOf(indicators);
        regionalTables = List.copyOf(regionalTables);
        warnings = List.copyOf(warnings);
    }

    public Integer periodStart() {
        return period == null ? null : period.startYear();
    }

    public Integer periodEnd() {
        return period == null ? null : period.endYear();
    }

    /** The first task numbered so; accepts any bracket width, e.g. "(二十八)", "（二十八）" or "二十八". */
    public Optional<Task> task(String number) {
        String wanted = Numbering.canonicalKey(number);
        return tasks.stream().filter(t -> t.number() != null && Numbering.canonicalKey(t.number()).equals(wanted))
                .findFirst();
    }

    /** Indicators read from the target-list item with this number. */
    public List<Indicator> indicatorsOfItem(String number) {
        String wanted = Numbering.canonicalKey(number);
        return indicators.stream()
                .filter(i -> i.itemNumber() != null && Numbering.canonicalKey(i.itemNumber()).equals(wanted))
                .toList();
    }

    /** All sections depth-first, parents before children. */
    public List<Section> allSections() {
        List<Section> out = new ArrayList<>();
        outline.forEach(s -> collect(s, out));
        return out;
    }

    private static void collect(Section s, List<Section> out) {
        out.add(s);
        s.children().forEach(c -> collect(c, out));
    }
}
