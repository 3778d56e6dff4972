package gov.planning.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tasks from the task parts of the outline. Two shapes occur: a numbered item with its own
 * responsibility lines (（十七）…牵头单位：…), and a section whose paragraphs are each a task that
 * ends with its units in parentheses ("放宽落户限制。…（公安厅负责）"), as in long-range plans.
 */
final class TaskReader {

    private final List<String> warnings;

    TaskReader(List<String> warnings) {
        this.warnings = warnings;
    }

    /** A task and the outline node it belongs to. */
    record Placed(OutlineReader.Node node, Task task) {
    }

    /** Tasks of one node; paragraphs that are not tasks are returned through {@code text}. */
    List<Placed> read(OutlineReader.Node node, List<String> path, List<Paragraph> text) {
        List<Placed> out = new ArrayList<>();
        boolean leaf = node.children.isEmpty();
        ItemParts parts = ItemParts.of(node.paragraphs);
        boolean chapterLevel = node.marker == null || node.marker.style().rank() <= Numbering.SECTION.rank();
        long withUnits = parts.content().stream()
                .filter(p -> ResponsibleUnitReader.fromParagraphEnd(p.text()) != null).count();
        if (leaf && node.marker != null && (parts.labelled() || (!chapterLevel && withUnits < 2))) {
            out.add(new Placed(node, item(node, parts, path)));
            return out;
        }
        // Sections made of task paragraphs; in a part with sub-parts only paragraphs that name units are tasks.
        // Paragraph tasks sit inside this node, so the node belongs on their path.
        List<String> inside = new ArrayList<>(path);
        if (node.marker != null) {
            inside.add(node.label());
        }
        for (Paragraph p : parts.content()) {
            Task t = paragraphTask(p, inside, leaf);
            if (t != null) {
                out.add(new Placed(node, t));
            } else {
                text.add(p);
            }
        }
        return out;
    }

    private Task item(OutlineReader.Node node, ItemParts parts, List<String> path) {
        List<String> body = new ArrayList<>();
        parts.content().forEach(p -> body.add(p.text()));
        ResponsibleUnitReader.Responsibility r = parts.responsibility();
        if (r.isEmpty() && !body.isEmpty()) {
            ResponsibleUnitReader.Trailing t = ResponsibleUnitReader.fromParagraphEnd(body.get(body.size() - 1));
            if (t != null) {
                r = t.responsibility();
                body.set(body.size() - 1, t.remainingText());
            }
        }
        if (r.isEmpty() && node.heading != null) {
            ResponsibleUnitReader.Trailing t = ResponsibleUnitReader.fromParagraphEnd(node.heading);
            if (t != null) {
                r = t.responsibility();
            }
        }
        String bodyText = String.join("\n", body);
        if (r.isEmpty()) {
            r = ResponsibleUnitReader.fromSentence(bodyText);
        }
        String partLead = node.parent == null ? null : ResponsibleUnitReader.leadOfPart(node.parent.heading);
        if (r.isEmpty() && partLead != null) {
            r = new ResponsibleUnitReader.Responsibility(List.of(partLead), List.of(), partLead, null);
        }
        List<Milestone> milestones = new ArrayList<>();
        if (parts.deadline() != null) {
            milestones.addAll(parts.deadline().milestones());
            if (!parts.deadline().understood()) {
                warn(node.number, node.heading, node.line, "deadline \"" + parts.deadline().deadline().text()
                        + "\" names no date and no ongoing work");
            }
        }
        milestones.addAll(parts.outcomes());
        Deadline deadline = parts.deadlineOrNull();
        if (deadline == null) {
            // 预期成果和时间进度 without a 完成时限: the work runs until the last outcome it dates.
            deadline = parts.outcomes().stream().filter(m -> m.dueDate() != null)
                    .max(java.util.Comparator.comparing(Milestone::dueDate))
                    .map(m -> new Deadline(m.dueDate(), false, m.description())).orElse(null);
        }
        milestones.addAll(MilestoneReader.fromBody(node.heading + "。" + bodyText));
        Task task = new Task(node.number, node.heading, bodyText, path, r.leadOrgs(), r.cooperatingOrgs(),
                r.leadText(), r.cooperatingText(), deadline, distinct(milestones));
        checkLead(task, node.line);
        return task;
    }

    private Task paragraphTask(Paragraph p, List<String> path, boolean leafSection) {
        ResponsibleUnitReader.Trailing t = ResponsibleUnitReader.fromParagraphEnd(p.text());
        String text = t == null ? p.text() : t.remainingText();
        String lead = leadPhrase(text);
        if (t == null && (lead == null || !leafSection)) {
            return null; // an introduction to the section, not an assignment
        }
        String title = lead != null ? lead : Clauses.sentences(text).stream().findFirst().orElse(text);
        String body = lead != null ? TextNormalizer.strip(text.substring(Math.min(text.length(), lead.length() + 1)))
                : text;
        ResponsibleUnitReader.Responsibility r = t == null ? ResponsibleUnitReader.Responsibility.NONE
                : t.responsibility();
        Task task = new Task(null, title, body, path, r.leadOrgs(), r.cooperatingOrgs(), r.leadText(),
                r.cooperatingText(), null, distinct(MilestoneReader.fromBody(text)));
        checkLead(task, p.line());
        return task;
    }

    /** "放宽落户限制。…": a short first sentence without commas is the task's name. */
    static String leadPhrase(String text) {
        int end = text.indexOf('。');
        if (end <= 1 || end > 30) {
            return null;
        }
        String first = text.substring(0, end);
        return first.contains("，") || first.contains(",") ? null : first;
    }

    private void checkLead(Task t, int line) {
        if (t.leadOrgs().isEmpty()) {
            // Numbers such as "1." repeat in every part, so the enclosing heading says which one.
            String where = t.sectionPath().isEmpty() ? "" : t.sectionPath().get(t.sectionPath().size() - 1) + " › ";
            warn(where + (t.number() == null ? "" : t.number()), t.title(), line, "no lead unit found");
        }
    }

    private void warn(String number, String title, int line, String what) {
        warnings.add("Task " + (number == null ? "" : number) + "「" + title + "」 (line " + line + "): " + what);
    }

    private static List<Milestone> distinct(List<Milestone> all) {
        Map<String, Milestone> byText = new LinkedHashMap<>();
        for (Milestone m : all) {
            byText.putIfAbsent(m.description(), m);
        }
        return new ArrayList<>(byText.values());
    }
}
