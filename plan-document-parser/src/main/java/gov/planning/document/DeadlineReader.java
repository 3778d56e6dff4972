package gov.planning.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads 完成时限 wording: a date (2025年6月30日前), a month (2023年6月底), a year (2020年 → year end),
 * ongoing work (长期坚持, 持续推进, recurring 每年1月底前), or a mix ("长期坚持，2022年底取得阶段性成果":
 * ongoing, with the dated part kept as a milestone).
 */
public final class DeadlineReader {

    /** What a deadline text gave: the deadline and any dated outcomes it also named. */
    public record Reading(Deadline deadline, List<Milestone> milestones, boolean understood) {
        public Reading {
            milestones = List.copyOf(milestones);
        }
    }

    private static final Pattern ONGOING = Pattern.compile(
            "长期坚持|长期推进|长期开展|长期|持续推进|持续开展|持续|常态化|每年|每季度|每半年|每月|每周|定期|逐年|年度");

    private DeadlineReader() {
    }

    public static Reading read(String wording) {
        String text = TextNormalizer.normalize(wording == null ? "" : wording);
        boolean ongoing = ONGOING.matcher(text).find();
        List<Milestone> dated = new ArrayList<>();
        for (String piece : Clauses.clauses(text)) {
            DatePhrases.Found f = DatePhrases.first(piece);
            if (f != null) {
                dated.add(new Milestone(f.date(), piece));
            }
        }
        if (ongoing) {
            return new Reading(new Deadline(null, true, text), dated, true);
        }
        if (dated.isEmpty()) {
            return new Reading(new Deadline(null, false, text), List.of(), false);
        }
        // With several dates the last one closes the task; the earlier ones are steps towards it.
        Milestone last = dated.stream().max(java.util.Comparator.comparing(Milestone::dueDate)).orElseThrow();
        List<Milestone> steps = dated.size() == 1 ? List.of()
                : dated.stream().filter(m -> m != last).toList();
        LocalDate due = last.dueDate();
        return new Reading(new Deadline(due, false, text), steps, true);
    }
}
