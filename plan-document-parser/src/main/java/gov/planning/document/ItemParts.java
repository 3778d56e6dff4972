package gov.planning.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A numbered item's paragraphs sorted into content and labelled lines (牵头单位, 完成时限,
 * 预期成果和时间进度 …), read once so that tasks and target items share the same reading.
 */
record ItemParts(List<Paragraph> content, ResponsibleUnitReader.Responsibility responsibility,
                 DeadlineReader.Reading deadline, List<Milestone> outcomes, boolean labelled) {

    static ItemParts of(List<Paragraph> paragraphs) {
        List<Paragraph> content = new ArrayList<>();
        ResponsibleUnitReader.Responsibility r = ResponsibleUnitReader.Responsibility.NONE;
        DeadlineReader.Reading deadline = null;
        List<Milestone> outcomes = new ArrayList<>();
        boolean labelled = false;
        boolean leadNamed = paragraphs.stream().map(p -> DocumentLayout.LABEL.matcher(p.text()))
                .anyMatch(m -> m.matches() && ResponsibleUnitReader.LEAD_LABEL.matcher(m.group(1)).matches());
        for (Paragraph p : paragraphs) {
            Matcher m = DocumentLayout.LABEL.matcher(p.text());
            if (!m.matches()) {
                content.add(p);
                continue;
            }
            labelled = true;
            String label = m.group(1);
            String value = m.group(2);
            if (label.endsWith("领导")) {
                continue; // 牵头负责领导：a person, not a unit
            }
            if (ResponsibleUnitReader.LEAD_LABEL.matcher(label).matches()
                    || ResponsibleUnitReader.MIXED_LABEL.matcher(label).matches()
                    || ResponsibleUnitReader.COOPERATING_LABEL.matcher(label).matches()) {
                r = r.plus(ResponsibleUnitReader.MIXED_LABEL.matcher(label).matches() && leadNamed
                        ? ResponsibleUnitReader.fromLabelled(ResponsibleUnitReader.asCooperatingBesideLead(label, true), value)
                        : ResponsibleUnitReader.fromLabelledSegments(p.text()));
            } else if (label.startsWith("完成") || label.startsWith("时间节点") || label.startsWith("时限")) {
                deadline = DeadlineReader.read(value);
            } else {
                outcomes.addAll(MilestoneReader.fromOutcomes(value));
            }
        }
        return new ItemParts(content, r, deadline, outcomes, labelled);
    }

    Deadline deadlineOrNull() {
        return deadline == null ? null : deadline.deadline();
    }

    Integer deadlineYear() {
        Deadline d = deadlineOrNull();
        return d == null || d.date() == null ? null : d.date().getYear();
    }
}
