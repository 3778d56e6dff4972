package gov.planning.document;

import java.util.List;

/**
 * A task (重点任务 / 工作措施) as read. Organization names are kept exactly as written, one per
 * entry; the raw list texts are kept too because a resolver must carry prefixes such as 自治区 or 旗
 * from one name to the next.
 *
 * @param number              numbering as printed with full-width brackets, null for unnumbered paragraphs
 * @param title               the first sentence or phrase
 * @param body                the full text of the task without its responsibility and deadline lines
 * @param sectionPath         headings of the enclosing sections, outermost first (e.g. "二、重点任务")
 * @param leadOrgs            lead organizations; the first is the convener when several lead
 * @param cooperatingOrgs     cooperating organizations
 * @param leadOrgsText        the lead list as written (null if none)
 * @param cooperatingOrgsText the cooperating list as written (null if none)
 * @param deadline            完成时限, null when the text gives none
 * @param milestones          dated outcomes from 预期成果和时间进度, the deadline wording and dated sentences
 */
public record Task(String number, String title, String body, List<String> sectionPath,
                   List<String> leadOrgs, List<String> cooperatingOrgs,
                   String leadOrgsText, String cooperatingOrgsText,
                   Deadline deadline, List<Milestone> milestones) {
    public Task {
        sectionPath = List.copyOf(sectionPath);
        leadOrgs = List.copyOf(leadOrgs);
        cooperatingOrgs = List.copyOf(cooperatingOrgs);
        milestones = List.copyOf(milestones);
    }
}
