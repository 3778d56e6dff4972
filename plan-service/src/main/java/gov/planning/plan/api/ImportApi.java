package gov.planning.plan.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import gov.planning.common.error.BadUserInputException;
import gov.planning.document.BreakdownTable;
import gov.planning.document.Indicator;
import gov.planning.document.ParsedPlanDocument;
import gov.planning.document.Task;
import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.api.ImportViews.ImportedComparator;
import gov.planning.plan.api.ImportViews.ImportedIndicatorView;
import gov.planning.plan.api.ImportViews.ImportedMeasureView;
import gov.planning.plan.api.ImportViews.ImportedMilestoneView;
import gov.planning.plan.api.ImportViews.ImportedRowView;
import gov.planning.plan.api.ImportViews.ImportedTableView;
import gov.planning.plan.api.ImportViews.ImportedTaskView;
import gov.planning.plan.api.ImportViews.OrgNameMatchView;
import gov.planning.plan.api.ImportViews.PlanDocumentFileInput;
import gov.planning.plan.api.ImportViews.PlanImportView;
import gov.planning.plan.importing.ImportAnalysis;
import gov.planning.plan.importing.PlanImportService;
import gov.planning.plan.importing.PlanImportWriter;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class ImportApi {

    @Inject
    PlanImportService service;

    @Mutation
    @Description("Reads a plan document — text, or an uploaded .docx or text PDF (exactly one of them) — and shows what "
            + "it understood; unless dryRun, saves it as a DRAFT plan (re-importing the same document number replaces a "
            + "DRAFT's outline and tasks). A dry run answers whatever the names: an issuer that does not resolve is listed "
            + "in unresolved; saving needs a resolved issuer (issuerCode, else the document's). Admin, or a planner of the "
            + "issuer or an organization above it (any planner for a dry run whose issuer did not resolve). "
            + "createOrganizations (admins only): proposedOrganizations to create, by name, before the plan is written.")
    public Uni<@NonNull PlanImportView> importPlanDocument(String text, PlanDocumentFileInput file,
            @DefaultValue("true") Boolean dryRun, String issuerCode,
            @Description("Names of proposedOrganizations (or a name they were written as) to create in org-service when "
                    + "saving; admin only (FORBIDDEN otherwise, nothing written). A dry run only checks them.")
            @Nullable List<@NonNull String> createOrganizations) {
        boolean dry = !Boolean.FALSE.equals(dryRun);
        if (file != null && text != null) {
            throw new BadUserInputException("file: 请只给出 text 或 file 其中之一");
        }
        if (file != null) {
            return service.importFile(file.name(), file.contentBase64(), dry, issuerCode, createOrganizations).map(ImportApi::view);
        }
        if (text == null) {
            throw new BadUserInputException("text: 请粘贴文件文本（text）或上传文件（file）");
        }
        return service.importDocument(text, dry, issuerCode, createOrganizations).map(ImportApi::view);
    }

    static PlanImportView view(ImportAnalysis a) {
        ParsedPlanDocument doc = a.doc();
        List<ImportedTaskView> tasks = new ArrayList<>();
        for (int i = 0; i < doc.tasks().size(); i++) {
            Task t = doc.tasks().get(i);
            gov.planning.document.Deadline d = t.deadline();
            DeadlineView deadline = d == null ? null
                    : new DeadlineView(d.ongoing() ? null : d.date(), d.ongoing(),
                            d.text() != null ? d.text() : d.ongoing() ? DeadlineView.ONGOING : String.valueOf(d.date()));
            tasks.add(new ImportedTaskView(t.number(), t.title() == null ? "" : t.title(),
                    OrgNameMatchView.of(a.taskLeads().get(i)), OrgNameMatchView.of(a.taskCooperating().get(i)), deadline,
                    t.milestones().stream().map(m -> new ImportedMilestoneView(m.dueDate(),
                            m.description() == null ? "" : m.description())).toList()));
        }
        List<ImportedIndicatorView> indicators = new ArrayList<>();
        for (int i = 0; i < doc.indicators().size(); i++) {
            Indicator ind = doc.indicators().get(i);
            if (ind.target() == null) {
                continue; // target is non-null in the API; such an indicator is named in the warnings of a real import
            }
            indicators.add(new ImportedIndicatorView(ind.name(), ind.unit(), ImportedComparator.valueOf(ind.comparator().name()),
                    ImportedMeasureView.of(ind.baseline()), ImportedMeasureView.of(ind.target()),
                    OrgNameMatchView.of(a.indicatorLeads().get(i))));
        }
        List<ImportedTableView> tables = new ArrayList<>();
        for (int i = 0; i < doc.regionalTables().size(); i++) {
            BreakdownTable t = doc.regionalTables().get(i);
            var regions = a.tableRegions().get(i);
            List<ImportedRowView> rows = new ArrayList<>();
            for (int r = 0; r < t.rows().size(); r++) {
                rows.add(new ImportedRowView(t.rows().get(r).regionName(), OrganizationRef.of(regions.get(r).organization()),
                        t.rows().get(r).values()));
            }
            tables.add(new ImportedTableView(t.title() == null ? "" : t.title(), t.unit(), t.periods(), rows, t.totals(),
                    t.totalsMatch()));
        }
        return new PlanImportView(PlanView.of(a.plan()), doc.title() == null ? "" : doc.title(),
                PlanImportWriter.kindOf(doc), doc.issuer(),
                OrganizationRef.of(a.issuerId()), a.issuerMatch() == null ? null : OrgNameMatchView.of(a.issuerMatch()),
                ImportViews.ImportedSectionView.of(doc.outline()), doc.docNumber(),
                doc.issuedOn(), doc.periodStart(), doc.periodEnd(), tasks, indicators, tables, a.unresolvedNames(),
                OrgNameMatchView.of(a.unresolved()), a.warnings(),
                ImportViews.ProposedOrganizationView.of(a.proposals()), a.text() == null ? "" : a.text());
    }
}
