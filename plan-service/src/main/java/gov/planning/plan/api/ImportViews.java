package gov.planning.plan.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.importing.NameMatch;
import io.smallrye.graphql.api.federation.Shareable;

/** The types of {@code importPlanDocument}'s answer (api-sketch's PlanImport), one record per GraphQL type. */
public final class ImportViews {

    private ImportViews() {
    }

    /**
     * api-sketch's {@code OrgNameMatch}, mirroring org-service's OrgNameMatchView field for field (input, organization,
     * candidates); the organizations are references whose code and name the gateway fetches from org-service.
     * A type defined in two subgraphs composes only if it is identical and {@code @shareable} in both.
     */
    @Type("OrgNameMatch")
    @Name("OrgNameMatch")
    @Shareable
    @Description("A name as written in a document and what it resolved to: organization is null when the name is ambiguous or unknown.")
    public record OrgNameMatchView(
            @NonNull String input,
            OrganizationRef organization,
            @NonNull @Description("Everything the name could mean, most likely first (the resolved organization, if any, first).") List<@NonNull OrganizationRef> candidates) {

        static OrgNameMatchView of(NameMatch m) {
            return new OrgNameMatchView(m.input(), OrganizationRef.of(m.organization()),
                    m.candidates().stream().map(OrganizationRef::of).toList());
        }

        static List<OrgNameMatchView> of(List<NameMatch> matches) {
            return matches.stream().map(OrgNameMatchView::of).toList();
        }
    }

    /** A milestone as read: not saved yet on a dry run, so without the saved Milestone's id and done flag. */
    @Type("ImportedMilestone")
    @Name("ImportedMilestone")
    public record ImportedMilestoneView(LocalDate dueDate, @NonNull String description) {
    }

    @Type("ImportedTask")
    @Name("ImportedTask")
    public record ImportedTaskView(String number, @NonNull String title, @NonNull List<@NonNull OrgNameMatchView> leadOrgs,
                                   @NonNull List<@NonNull OrgNameMatchView> cooperatingOrgs, DeadlineView deadline,
                                   @NonNull List<@NonNull ImportedMilestoneView> milestones) {
    }

    /** Named apart from indicator-service's {@code Measure}, which is not shareable. */
    @Type("ImportedMeasure")
    @Name("ImportedMeasure")
    public record ImportedMeasureView(@NonNull Double value, Integer year) {
        static ImportedMeasureView of(gov.planning.document.Measure m) {
            return m == null ? null : new ImportedMeasureView(m.value(), m.year());
        }
    }

    /** The same enum (name and values) as indicator-service's; federation merges identical enums. */
    @Enum("Comparator")
    public enum ImportedComparator {
        AT_LEAST, AT_MOST, ABOUT, EXACTLY
    }

    @Type("ImportedIndicator")
    @Name("ImportedIndicator")
    public record ImportedIndicatorView(@NonNull String name, String unit, @NonNull ImportedComparator comparator,
                                        ImportedMeasureView baseline, @NonNull ImportedMeasureView target,
                                        @NonNull List<@NonNull OrgNameMatchView> leadOrgs) {
    }

    /** values: null where the cell was not a number (the parser warns). */
    @Type("ImportedRow")
    @Name("ImportedRow")
    public record ImportedRowView(@NonNull String regionName, OrganizationRef region, @NonNull List<Double> values) {
    }

    @Type("ImportedTable")
    @Name("ImportedTable")
    public record ImportedTableView(@NonNull String title, String unit, @NonNull List<@NonNull String> periods,
                                    @NonNull List<@NonNull ImportedRowView> rows, List<Double> totals,
                                    @NonNull Boolean totalsMatch) {
    }

    /** A node of the outline as read (the saved Section has an id and the saved tasks). */
    @Type("ImportedSection")
    @Name("ImportedSection")
    public record ImportedSectionView(String number, @NonNull String heading, @NonNull Integer level,
                                      @NonNull @Description("Tasks read directly under this section (not its children).") Integer taskCount,
                                      @NonNull List<@NonNull ImportedSectionView> children) {
        static List<ImportedSectionView> of(List<gov.planning.document.Section> sections) {
            return sections.stream().map(s -> new ImportedSectionView(s.number(), s.heading() == null ? "" : s.heading(),
                    s.level(), s.tasks().size(), of(s.children()))).toList();
        }
    }

    /** The same enum (name and values) as org-service's; federation merges identical enums. */
    @Enum("OrgKind")
    public enum ProposedOrgKind {
        GOVERNMENT, GENERAL_OFFICE, DEPARTMENT, AGENCY, ENTERPRISE, LEADING_GROUP, DEVELOPMENT_ZONE, COLLECTIVE
    }

    /** The same enum (name and values) as org-service's. */
    @Enum("AdminLevel")
    public enum ProposedAdminLevel {
        PROVINCE, PREFECTURE, COUNTY, TOWNSHIP
    }

    @Type("ProposedOrganization")
    @Name("ProposedOrganization")
    @Description("A department of the issuer's government that the tree lacks, named in the document: the organization an "
            + "admin may create with the import (importPlanDocument's createOrganizations, by name), under that government.")
    public record ProposedOrganizationView(
            @NonNull @Description("The names as written in the document that mean it (财政局, 旗财政局).") List<@NonNull String> inputs,
            @NonNull @Description("The full name it would get: the government's region and the department (示例旗财政局).") String name,
            String shortName, @NonNull String code, @NonNull ProposedOrgKind kind, ProposedAdminLevel level,
            @NonNull @Description("The government it would be created under.") OrganizationRef parent) {

        static List<ProposedOrganizationView> of(List<gov.planning.plan.importing.OrgProposal> proposals) {
            return proposals.stream().map(p -> new ProposedOrganizationView(p.inputs(), p.name(), p.shortName(), p.code(),
                    ProposedOrgKind.valueOf(p.kind()), p.level() == null ? null : ProposedAdminLevel.valueOf(p.level()),
                    OrganizationRef.of(p.parentId()))).toList();
        }
    }

    /** An uploaded file travels inside the mutation, so the gateway's GraphQL route and its permission rules carry it. */
    @org.eclipse.microprofile.graphql.Input("PlanDocumentFileInput")
    @Name("PlanDocumentFileInput")
    @Description("A .docx or text PDF as uploaded: its file name (the extension decides how it is read) and its bytes in "
            + "base64, at most 5 MB decoded.")
    public record PlanDocumentFileInput(@NonNull String name, @NonNull String contentBase64) {
    }

    @Type("PlanImport")
    @Name("PlanImport")
    @Description("What an import understood, before (dryRun) or after it was saved as a DRAFT plan.")
    public record PlanImportView(PlanView plan, @NonNull String title,
                                 @NonNull @Description("Guessed from the title; the kind a real import saves.") PlanKind kind,
                                 @Description("发文机关 as written in the document; null when none was found.") String issuerName,
                                 @Description("The issuer the plan is saved under: issuerCode's organization, else issuerName resolved; "
                                         + "null when it did not resolve (a dry run still answers; saving needs issuerCode).") OrganizationRef issuer,
                                 @Description("issuerName and what it resolved to, with its candidates; null when issuerCode was given or the document names no issuer.") OrgNameMatchView issuerMatch,
                                 @NonNull @Description("The outline as read: top-level sections with their children.") List<@NonNull ImportedSectionView> outline,
                                 String docNumber, LocalDate issuedOn,
                                 Integer periodStart, Integer periodEnd, @NonNull List<@NonNull ImportedTaskView> tasks,
                                 @NonNull List<@NonNull ImportedIndicatorView> indicators,
                                 @NonNull List<@NonNull ImportedTableView> regionalTables,
                                 @NonNull List<@NonNull String> unresolvedNames,
                                 @NonNull @Description("Every distinct name that did not resolve to one organization, the issuer first, with its candidates.") List<@NonNull OrgNameMatchView> unresolved,
                                 @NonNull List<@NonNull String> warnings,
                                 @NonNull @Description("Departments of the issuer's government that the tree lacks, proposed as new "
                                         + "organizations (empty when the issuer did not resolve).") List<@NonNull ProposedOrganizationView> proposedOrganizations,
                                 @NonNull @Description("The text that was read: as given, or as read from the uploaded file (paste it to correct and read again).") String text) {
    }
}
