package gov.planning.plan.importing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.planning.document.ParsedPlanDocument;

/**
 * What an import understood (docs/domain.md §5: shown before anything is published): the parsed document, the issuer, and
 * org-service's reading of every name list, index for index with the document's tasks, indicators and tables.
 *
 * @param issuerId        the issuer the plan is saved under; null on a dry run whose issuer did not resolve
 * @param issuerMatch     the document's 发文机关 as org-service read it; null when issuerCode was given or none was found
 * @param plan            the plan written, null on a dry run
 * @param text            the text read: as given, or as read from the uploaded file
 * @param unresolved      every distinct name org-service did not resolve to exactly one organization (the issuer
 *                        first), with its candidates
 * @param warnings        the parser's warnings and the import's own (what was skipped, and why)
 * @param proposals       the issuer's government's departments the tree lacks, as organizations an admin may create
 */
public record ImportAnalysis(ParsedPlanDocument doc, UUID issuerId, NameMatch issuerMatch, List<List<NameMatch>> taskLeads,
                             List<List<NameMatch>> taskCooperating, List<List<NameMatch>> indicatorLeads,
                             List<List<NameMatch>> tableRegions, List<NameMatch> unresolved, List<String> warnings,
                             List<OrgProposal> proposals, gov.planning.plan.entity.Plan plan, String text) {

    public ImportAnalysis withPlan(gov.planning.plan.entity.Plan written, List<String> moreWarnings) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new ImportAnalysis(doc, issuerId, issuerMatch, taskLeads, taskCooperating, indicatorLeads, tableRegions, unresolved,
                List.copyOf(all), proposals, written, text);
    }

    /** With the unit names in {@code byInput} (names as written) resolved as given: organizations just created. */
    public ImportAnalysis resolving(Map<String, NameMatch> byInput) {
        if (byInput.isEmpty()) {
            return this;
        }
        return new ImportAnalysis(doc, issuerId, issuerMatch, replace(taskLeads, byInput), replace(taskCooperating, byInput),
                replace(indicatorLeads, byInput), tableRegions,
                unresolved.stream().filter(m -> !byInput.containsKey(m.input())).toList(), warnings, proposals, plan, text);
    }

    private static List<List<NameMatch>> replace(List<List<NameMatch>> lists, Map<String, NameMatch> byInput) {
        return lists.stream().map(list -> list.stream()
                .map(m -> !m.resolved() && byInput.containsKey(m.input()) ? byInput.get(m.input()) : m).toList()).toList();
    }

    public List<String> unresolvedNames() {
        return unresolved.stream().map(NameMatch::input).toList();
    }
}
