package gov.planning.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a Chinese government plan document (规划, 实施方案, 指导意见, 行动计划, 分工方案)
 * and returns what it understood, with warnings for what it could not. Pure and thread-safe: no
 * I/O, no state between calls.
 *
 * <pre>{@code
 * ParsedPlanDocument doc = PlanDocumentParser.parse(text);
 * doc.tasks().forEach(t -> System.out.println(t.number() + " " + t.title() + " " + t.leadOrgs()));
 * }</pre>
 */
public final class PlanDocumentParser {

    private PlanDocumentParser() {
    }

    public static ParsedPlanDocument parse(String text) {
        return new Run(text == null ? "" : text).parse();
    }

    /** One parse: holds what the readers share (warnings, plan period) while walking the outline. */
    private static final class Run {
        private final String text;
        private final List<String> warnings = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private final List<Indicator> indicators = new ArrayList<>();
        private final TaskReader taskReader = new TaskReader(warnings);
        private Integer periodEnd;
        /** The year a target without one refers to: the plan period's end, else the year of an annual document. */
        private Integer targetYear;

        Run(String text) {
            this.text = text;
        }

        ParsedPlanDocument parse() {
            DocumentLayout.Result layout = DocumentLayout.read(text);
            NoticeWrapper.Reading wrapper = NoticeWrapper.read(layout.paragraphs());
            OutlineReader.Node root = OutlineReader.read(wrapper.body());
            String title = wrapper.planTitle();
            if (title == null) {
                warnings.add("No title found");
                title = "";
            }
            List<Paragraph> opening = new ArrayList<>(root.paragraphs);
            PlanPeriod period = PlanFacts.period(title, opening);
            if (period == null && wrapper.notice().title() != null) {
                period = PlanFacts.period(wrapper.notice().title(), List.of());
            }
            periodEnd = period == null ? null : period.endYear();
            targetYear = periodEnd != null ? periodEnd
                    : PlanFacts.documentYear(title, wrapper.notice().title(), wrapper.issuedOn());

            List<Section> outline = new ArrayList<>();
            if (root.children.isEmpty()) {
                // No numbering at all: the paragraphs themselves may still be tasks with units.
                root.kind = SectionKind.TASKS;
                readTasks(root, List.of(), new ArrayList<>());
            } else {
                readSentences(root.paragraphs, false, null);
                for (OutlineReader.Node top : root.children) {
                    outline.add(section(top, List.of()));
                }
            }
            if (outline.isEmpty() && tasks.isEmpty()) {
                warnings.add("No numbered outline and no tasks found");
            }

            addBaselinesFromBackground(root);

            BreakdownTableReader tableReader = new BreakdownTableReader(warnings);
            List<BreakdownTable> tables = layout.tables().stream().map(tableReader::read).toList();
            return new ParsedPlanDocument(title, PlanFacts.kind(title), wrapper.docNumber(), wrapper.issuer(),
                    wrapper.issuedOn(), period, wrapper.notice(), outline, tasks, indicators, tables, warnings);
        }

        /**
         * Long-range plans state the base-year values in their background chapter ("2015年，全区户籍人口
         * 城镇化率达到44.16%") and the targets later; an indicator without a baseline takes a value
         * stated there under exactly the same name and unit, from a year before its target year.
         */
        private void addBaselinesFromBackground(OutlineReader.Node root) {
            List<Indicator> past = new ArrayList<>();
            collectBackground(root, past);
            for (int i = 0; i < indicators.size(); i++) {
                Indicator ind = indicators.get(i);
                if (ind.baseline() != null) {
                    continue;
                }
                for (Indicator p : past) {
                    Integer year = p.target().year();
                    if (p.name().equals(ind.name()) && java.util.Objects.equals(p.unit(), ind.unit()) && year != null
                            && (ind.target().year() == null || year < ind.target().year())) {
                        indicators.set(i, new Indicator(ind.name(), ind.unit(), ind.comparator(),
                                new Measure(p.target().value(), year), ind.target(), ind.interimTargets(),
                                ind.leadOrgs(), ind.cooperatingOrgs(), ind.itemNumber(), ind.text()));
                        break;
                    }
                }
            }
        }

        private void collectBackground(OutlineReader.Node node, List<Indicator> past) {
            if (node.kind == SectionKind.BACKGROUND) {
                for (Paragraph p : node.paragraphs) {
                    past.addAll(IndicatorReader.read(p.text(),
                            new IndicatorReader.Context(null, List.of(), List.of(), null, true)));
                }
            }
            node.children.forEach(c -> collectBackground(c, past));
        }

        private Section section(OutlineReader.Node node, List<String> path) {
            List<Paragraph> text = new ArrayList<>();
            List<Task> own = new ArrayList<>();
            switch (node.kind) {
                case TASKS -> {
                    own.addAll(readTasks(node, path, text));
                    // A part's introduction states targets too ("到2020年，全区城镇人口承载能力达到1700万人以上").
                    readSentences(text, false, null);
                }
                case GOALS -> {
                    readGoals(node);
                    text.addAll(node.paragraphs);
                }
                case GENERAL -> {
                    readSentences(node.paragraphs, false, null);
                    text.addAll(node.paragraphs);
                }
                default -> text.addAll(node.paragraphs);
            }
            List<String> childPath = new ArrayList<>(path);
            childPath.add(node.label());
            List<Section> children = new ArrayList<>();
            for (OutlineReader.Node c : node.children) {
                children.add(section(c, childPath));
            }
            String body = String.join("\n", text.stream().map(Paragraph::text).toList());
            return new Section(node.number, node.heading, node.depth(), node.kind, body, children, own);
        }

        private List<Task> readTasks(OutlineReader.Node node, List<String> path, List<Paragraph> text) {
            List<Task> own = new ArrayList<>();
            for (TaskReader.Placed placed : taskReader.read(node, path, text)) {
                Task t = placed.task();
                own.add(t);
                tasks.add(t);
                Integer year = t.deadline() != null && t.deadline().date() != null
                        ? Integer.valueOf(t.deadline().date().getYear()) : targetYear;
                indicators.addAll(IndicatorReader.read(t.title() + "。" + t.body(), new IndicatorReader.Context(
                        year, t.leadOrgs(), t.cooperatingOrgs(), t.number(), false)));
            }
            return own;
        }

        /** A target list: numbered items under a goals part, or plain sentences and ——bullets. */
        private void readGoals(OutlineReader.Node node) {
            boolean item = node.marker != null && node.children.isEmpty() && node.parent != null
                    && node.parent.kind == SectionKind.GOALS;
            if (!item) {
                readSentences(node.paragraphs, true, null);
                return;
            }
            ItemParts parts = ItemParts.of(node.paragraphs);
            List<String> content = new ArrayList<>();
            content.add(node.heading);
            parts.content().forEach(p -> content.add(p.text()));
            ResponsibleUnitReader.Responsibility r = parts.responsibility();
            String text = String.join("。", content);
            if (r.isEmpty()) {
                ResponsibleUnitReader.Trailing t = ResponsibleUnitReader.fromParagraphEnd(text);
                if (t != null) {
                    r = t.responsibility();
                    text = t.remainingText();
                }
            }
            Integer year = parts.deadlineYear() != null ? parts.deadlineYear() : targetYear;
            List<Indicator> found = IndicatorReader.read(text, new IndicatorReader.Context(
                    year, r.leadOrgs(), r.cooperatingOrgs(), node.number, true));
            if (found.isEmpty()) {
                warnings.add("Target item " + node.number + "「" + node.heading + "」 (line " + node.line
                        + "): no figure with a unit found");
            }
            indicators.addAll(found);
        }

        private void readSentences(List<Paragraph> paragraphs, boolean targetList, String itemNumber) {
            for (Paragraph p : paragraphs) {
                String text = p.text();
                List<String> lead = List.of();
                List<String> coop = List.of();
                ResponsibleUnitReader.Trailing t = ResponsibleUnitReader.fromParagraphEnd(text);
                if (t != null) {
                    lead = t.responsibility().leadOrgs();
                    coop = t.responsibility().cooperatingOrgs();
                    text = t.remainingText();
                }
                indicators.addAll(IndicatorReader.read(text,
                        new IndicatorReader.Context(targetYear, lead, coop, itemNumber, targetList)));
            }
        }
    }
}
