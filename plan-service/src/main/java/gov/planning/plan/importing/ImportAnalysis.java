package gov.planning.plan.importing;

import java.util.List;
import java.util.UUID;

import gov.planning.document.ParsedPlanDocument;

/**
 * What an import understood (docs/domain.md §5: shown before anything is published): the parsed document, the issuer, and
 * org-service's reading of every name list, index for index with the document's tasks, indicators and tables.
 *
 * @param plan            the plan written, null on a dry run
 * @param unresolvedNames every distinct name org-service did not resolve to exactly one organization
 * @param warnings        the parser's warnings and the import's own (what was skipped, and why)
 */
public record ImportAnalysis(ParsedPlanDocument doc, UUID issuerId, List<List<NameMatch>> taskLeads,
                             List<List<NameMatch>> taskCooperating, List<List<NameMatch>> indicatorLeads,
                             List<List<NameMatch>> tableRegions, List<String> unresolvedNames, List<String> warnings,
                             gov.planning.plan.entity.Plan plan) {

    public ImportAnalysis withPlan(gov.planning.plan.entity.Plan written, List<String> moreWarnings) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new ImportAnalysis(doc, issuerId, taskLeads, taskCooperating, indicatorLeads, tableRegions, unresolvedNames,
                List.copyOf(all), written);
    }
}
