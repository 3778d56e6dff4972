package gov.planning.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Dated outcomes: from 预期成果和时间进度 lists and from sentences inside a task that open with a date. */
final class MilestoneReader {
    private MilestoneReader() {
    }

    /**
     * An outcome list: every piece is an outcome. A piece without its own date shares the date of
     * the piece before it, since such lists run in time order ("到2020年…。将博白…培育成为中小城市。").
     */
    static List<Milestone> fromOutcomes(String text) {
        List<Milestone> out = new ArrayList<>();
        LocalDate current = null;
        for (String piece : Clauses.datedPieces(text)) {
            DatePhrases.Found f = DatePhrases.leading(piece);
            if (f == null) {
                f = DatePhrases.first(piece);
            }
            if (f != null) {
                current = f.date();
            }
            out.add(new Milestone(current, piece));
        }
        return out;
    }

    /** Running text: only pieces that open with a date are outcomes ("2014年底出台…", "到2020年实现…"). */
    static List<Milestone> fromBody(String text) {
        List<Milestone> out = new ArrayList<>();
        for (String piece : Clauses.datedPieces(text)) {
            DatePhrases.Found f = DatePhrases.leading(piece);
            if (f != null) {
                out.add(new Milestone(f.date(), piece));
            }
        }
        return out;
    }
}
