package gov.planning.plan.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.error.PlatformException;
import gov.planning.common.error.UnavailableException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.document.BreakdownTable;
import gov.planning.indicatorclient.IndicatorClient;
import gov.planning.document.Indicator;
import gov.planning.document.ParsedPlanDocument;
import gov.planning.document.PlanDocumentParser;
import gov.planning.document.RegionalRow;
import gov.planning.document.Task;
import gov.planning.plan.entity.Plan;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.plan.service.Permissions;
import gov.planning.units.Units;
import io.smallrye.mutiny.Uni;

/**
 * importPlanDocument: reads a plan document (plan-document-parser), resolves every organization name through
 * org-service (issuer as context, issue date as asOf), and — unless it is a dry run — saves it as a DRAFT plan with
 * its outline, tasks and milestones, and its indicators and regional targets in indicator-service.
 *
 * <p>All-or-nothing as the user sees it: a new plan is first written hidden ({@code Plan.importing}), because
 * indicator-service needs its id; the outline and tasks are written and the plan shown in one last transaction after
 * the indicators are done; any failure deletes the hidden plan and answers an error naming the failed step. A
 * re-import of a DRAFT with the same document number replaces its outline and tasks in that last transaction.
 */
@ApplicationScoped
public class PlanImportService {

    private static final Logger LOG = Logger.getLogger(PlanImportService.class);
    /** A few times the largest plan seen (nmg-2016: 100 KB); bigger is not a plan document. */
    static final int MAX_TEXT = 2_000_000;
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\s*年?(?:度)?$");
    /** 发文机关 that is a government's general office: 示例旗人民政府办公室, 某盟行政公署办公室, 某省人民政府办公厅. */
    private static final Pattern GENERAL_OFFICE = Pattern.compile("^(.+?(?:人民政府|行政公署))办公[室厅]$");
    private static final Pattern YEARS = Pattern.compile("^(\\d{4})\\s*年?\\s*[—–\\-~至]+\\s*(\\d{4})\\s*年?$");

    @Inject
    Caller caller;

    @Inject
    Permissions permissions;

    @Inject
    OrganizationTree organizations;

    @Inject
    OrgNameLookup names;

    @Inject
    IndicatorClient indicators;

    @Inject
    PlanImportWriter writer;

    @Inject
    OrgTreeClient orgTree;

    @Inject
    gov.planning.common.remote.ServiceGraphQL graphql;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    /**
     * A .docx or PDF file: its text is read off the event loop (a large PDF takes a while), then imported like
     * pasted text. Callers without the role are refused before the file is opened.
     */
    public Uni<ImportAnalysis> importFile(String name, String contentBase64, boolean dryRun, String issuerCode,
            List<String> createOrganizations) {
        caller.requireAnyRole("import a plan document", PlatformRole.ADMIN, PlatformRole.PLANNER);
        if (contentBase64 == null || contentBase64.length() > (DocumentFiles.MAX_BYTES / 3 + 1) * 4 + 16) {
            throw new BadUserInputException("file.contentBase64: 文件最多 " + DocumentFiles.MAX_BYTES + " 字节（5 MB）");
        }
        byte[] content;
        try {
            content = java.util.Base64.getMimeDecoder().decode(contentBase64);
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("file.contentBase64: 不是有效的 base64 编码");
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> DocumentFiles.text(name, content)))
                .chain(text -> importDocument(text, dryRun, issuerCode, createOrganizations));
    }

    /**
     * @param createOrganizations the proposed organizations (by name, or a name they were written as) the admin accepted:
     *                            a real import creates them in org-service before the plan is written
     */
    public Uni<ImportAnalysis> importDocument(String text, boolean dryRun, String issuerCode, List<String> createOrganizations) {
        caller.requireAnyRole("import a plan document", PlatformRole.ADMIN, PlatformRole.PLANNER);
        List<String> accepted = createOrganizations == null ? List.of()
                : createOrganizations.stream().map(Texts::clean).filter(java.util.Objects::nonNull).distinct().toList();
        if (!accepted.isEmpty() && !caller.isAdmin()) {
            throw new ForbiddenException("createOrganizations: " + caller.username() + " may not create organizations: "
                    + "only an admin may (只有管理员可以新建组织); the token has " + caller.roles());
        }
        if (text == null || text.isBlank()) {
            throw new BadUserInputException("text: the document is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadUserInputException("text: " + text.length() + " characters, at most " + MAX_TEXT);
        }
        ParsedPlanDocument doc = PlanDocumentParser.parse(text);
        String code = issuerCode == null || issuerCode.isBlank() ? null : issuerCode.strip();
        // Read while the request lives: the import may outlive it (the gateway stops waiting after 10 s).
        String username = caller.username();
        return graphql.callerToken().map(token -> new ImportActor(username, token)).chain(actor -> issuer(doc, code)
                .call(issuer -> {
                    if (issuer.id() != null) {
                        return permissions.requireManagePlanIssuedBy("import a plan document issued by "
                                + (code != null ? code : doc.issuer()), issuer.id());
                    }
                    if (!dryRun) {
                        throw unresolvedIssuer(doc, issuer.match());
                    }
                    // A dry run writes nothing and shows only the document and public organization names: any planner
                    // may see what was understood before the issuer is settled.
                    return Uni.createFrom().voidItem();
                })
                // The issuer is the context names resolve in, also when it was read from the document.
                .chain(issuer -> analyse(doc, issuer, text))
                .invoke(analysis -> chosen(analysis, accepted))
                .chain(analysis -> dryRun ? Uni.createFrom().item(analysis) : save(analysis, actor, chosen(analysis, accepted))));
    }

    /**
     * @param match      the document's issuer as resolved; null when issuerCode was given or the document names none
     * @param government the government's name when the issuer is a general office saved under its government
     */
    private record Issuer(UUID id, String code, NameMatch match, String government) {
    }

    /** Saving needs an issuer: the field to give is issuerCode, and the message says why in the staff's words. */
    private static BadUserInputException unresolvedIssuer(ParsedPlanDocument doc, NameMatch match) {
        if (match == null) {
            return new BadUserInputException("issuerCode: 文件中未找到发文机关，保存前请选择发文机关（issuerCode）");
        }
        return new BadUserInputException("issuerCode: 发文机关“" + doc.issuer() + "”未能对应到唯一的组织（"
                + match.candidates().size() + " 个候选），保存前请选择发文机关（issuerCode）");
    }

    /**
     * The issuer from {@code issuerCode}, else the document's 发文机关 as resolved by org-service — which may fail to
     * resolve (id null): only saving needs it.
     */
    private Uni<Issuer> issuer(ParsedPlanDocument doc, String code) {
        if (code != null) {
            return organizations.scopeOf(List.of(code)).map(scope -> {
                if (scope.own().size() != 1) {
                    throw new BadUserInputException("issuerCode: no organization has code " + code);
                }
                return new Issuer(scope.own().iterator().next(), code, null, null);
            });
        }
        if (doc.issuer() == null) {
            return Uni.createFrom().item(new Issuer(null, null, null, null));
        }
        Matcher office = GENERAL_OFFICE.matcher(doc.issuer().strip());
        String government = office.matches() ? office.group(1) : null;
        List<List<String>> asked = government == null ? List.of(List.of(doc.issuer()))
                : List.of(List.of(doc.issuer()), List.of(government));
        return names.resolve(asked, null, doc.issuedOn()).map(found -> {
            NameMatch match = found.get(0).get(0);
            NameMatch ofGovernment = government == null ? null : found.get(1).get(0);
            if (!match.resolved() && ofGovernment != null && ofGovernment.resolved()) {
                // A general office issues for its government: where the tree has no such office, the plan is the
                // government's (and names resolve in its context).
                return new Issuer(ofGovernment.organization(), ofGovernment.organizationCode(),
                        new NameMatch(doc.issuer(), ofGovernment.organization(), ofGovernment.organizationCode(),
                                List.of(ofGovernment.organization())), government);
            }
            return new Issuer(match.organization(), match.organizationCode(), match, null);
        });
    }

    private Uni<ImportAnalysis> analyse(ParsedPlanDocument doc, Issuer issuer, String text) {
        List<List<String>> lists = new ArrayList<>();
        doc.tasks().forEach(t -> lists.add(t.leadOrgs()));
        doc.tasks().forEach(t -> lists.add(t.cooperatingOrgs()));
        doc.indicators().forEach(i -> lists.add(i.leadOrgs()));
        doc.regionalTables().forEach(t -> lists.add(t.rows().stream().map(RegionalRow::regionName).toList()));
        return names.resolve(lists, issuer.code(), doc.issuedOn()).chain(found -> proposals(issuer, doc, found).map(proposals -> {
            int tasks = doc.tasks().size();
            int inds = doc.indicators().size();
            Map<String, NameMatch> unresolved = new java.util.LinkedHashMap<>();
            if (issuer.match() != null && !issuer.match().resolved()) {
                unresolved.put(issuer.match().input(), issuer.match());
            }
            found.forEach(list -> list.stream().filter(m -> !m.resolved()).forEach(m -> unresolved.putIfAbsent(m.input(), m)));
            List<String> warnings = new ArrayList<>(doc.warnings());
            if (doc.docNumber() == null) {
                warnings.add("no document number (发文字号) was found: importing this text again creates another plan");
            }
            if (issuer.government() != null) {
                warnings.add("发文机关“" + doc.issuer() + "”不在组织树中，按其所属的“" + issuer.government() + "”导入（办公室代政府发文）");
            }
            if (issuer.id() == null) {
                warnings.add(issuer.match() == null ? "未找到发文机关：保存前请选择发文机关"
                        : "发文机关“" + doc.issuer() + "”未能对应到唯一的组织：其他名称未按发文机关所在地区解析，保存前请选择发文机关");
            }
            return new ImportAnalysis(doc, issuer.id(), issuer.match(), found.subList(0, tasks), found.subList(tasks, 2 * tasks),
                    found.subList(2 * tasks, 2 * tasks + inds), found.subList(2 * tasks + inds, found.size()),
                    List.copyOf(unresolved.values()), List.copyOf(warnings), proposals, null, text);
        }));
    }

    /**
     * The unresolved unit names (leads, cooperating and responsible units; not regions, not the issuer) that are the
     * issuer's government's own departments, as new organizations under it. Asks org-service only when there are such
     * names and an issuer to place them under.
     */
    private Uni<List<OrgProposal>> proposals(Issuer issuer, ParsedPlanDocument doc, List<List<NameMatch>> found) {
        int units = 2 * doc.tasks().size() + doc.indicators().size();
        java.util.Set<String> unresolved = new java.util.LinkedHashSet<>();
        found.subList(0, units).forEach(list -> list.stream().filter(m -> !m.resolved()).forEach(m -> unresolved.add(m.input())));
        if (issuer.code() == null || unresolved.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return orgTree.governmentOf(issuer.code())
                .map(government -> government == null ? List.<OrgProposal>of() : OrgProposals.propose(government, unresolved));
    }

    /** The accepted proposals; a name that is not one is refused before anything is written. */
    private static List<OrgProposal> chosen(ImportAnalysis analysis, List<String> accepted) {
        List<OrgProposal> chosen = new ArrayList<>();
        for (String name : accepted) {
            OrgProposal proposal = analysis.proposals().stream().filter(p -> p.isNamed(name)).findFirst()
                    .orElseThrow(() -> new BadUserInputException("createOrganizations: “" + name
                            + "”不是本次导入建议新建的组织（proposedOrganizations 中的名称）"));
            if (!chosen.contains(proposal)) {
                chosen.add(proposal);
            }
        }
        return chosen;
    }

    /** Refuses what cannot be saved without guessing, before anything is written. */
    private static void requireSavable(ImportAnalysis a) {
        ParsedPlanDocument doc = a.doc();
        if (doc.title() == null || doc.title().isBlank()) {
            throw new BadUserInputException("text: no plan title could be read");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < doc.tasks().size(); i++) {
            Task t = doc.tasks().get(i);
            for (NameMatch m : a.taskLeads().get(i)) {
                if (!m.resolved()) {
                    problems.add("task " + label(t) + " lead unit " + m.input() + " (" + m.candidates().size() + " candidates)");
                }
            }
        }
        for (int i = 0; i < doc.regionalTables().size(); i++) {
            for (NameMatch m : a.tableRegions().get(i)) {
                if (!m.resolved()) {
                    problems.add("table " + doc.regionalTables().get(i).title() + " region " + m.input()
                            + " (" + m.candidates().size() + " candidates)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserInputException("leadOrgs: nothing was imported because these names do not resolve to one "
                    + "organization (run a dry run to see the candidates; add the name as an alias in org-service or "
                    + "correct the text): " + String.join("; ", problems));
        }
    }

    /**
     * @param accepted proposals to create in org-service first (after the plan's number is reserved, so a document that
     *                 cannot be imported creates nothing); the tasks then name them
     */
    private Uni<ImportAnalysis> save(ImportAnalysis analysis, ImportActor actor, List<OrgProposal> accepted) {
        // Judged as it will be once the accepted organizations exist: a document still refused creates none.
        requireSavable(analysis.resolving(resolutions(accepted, null)));
        List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> organizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        return writer.reserve(analysis, actor.username()).chain(target -> {
            // what indicator-service is told the hidden plan's issuer is (it cannot ask plan-service: decision 0007)
            var imported = new IndicatorClient.ImportedPlan(target.planId(), analysis.issuerId());
            return createOrganizations(accepted, actor, organizations)
                    .map(analysis::resolving)
                    .chain(resolved -> {
                        List<String> notes = notes(resolved);
                        return indicatorStep(resolved, imported, notes, created, actor)
                                .chain(() -> writer.finish(target.planId(), resolved, actor.username()))
                                .map(plan -> resolved.withPlan(plan, notes));
                    })
                    .onFailure().recoverWithUni(failure -> {
                        LOG.warnf(failure, "import of %s into plan %s failed", analysis.doc().docNumber(), target.planId());
                        List<String> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
                        // indicators first: what is left of a failed import is never indicators of no plan
                        Uni<Void> undo = removeIndicators(imported, created, kept, actor)
                                .chain(() -> target.fresh() ? writer.discard(target.planId(), actor.username()) : Uni.createFrom().voidItem());
                        return undo.onFailure().invoke(e -> LOG.errorf(e, "could not delete hidden plan %s", target.planId()))
                                .onFailure().recoverWithNull()
                                .chain(() -> Uni.createFrom().failure(undone(failure, target.fresh(), created.size(), kept, organizations)));
                    });
        });
    }

    /**
     * Creates the accepted organizations one by one; answers what every name they were written as now resolves to.
     * Their names go to {@code organizations} as they are created (they stay if a later step fails: real departments an
     * admin accepted, which the next import of the document finds by name).
     */
    private Uni<Map<String, NameMatch>> createOrganizations(List<OrgProposal> accepted, ImportActor actor, List<String> organizations) {
        Map<OrgProposal, UUID> ids = new java.util.concurrent.ConcurrentHashMap<>();
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (OrgProposal proposal : accepted) {
            steps = steps.chain(() -> orgTree.create(actor.bearer(), proposal).invoke(id -> {
                ids.put(proposal, id);
                organizations.add(proposal.name());
            })).replaceWithVoid();
        }
        return steps.map(v -> resolutions(accepted, ids));
    }

    /** Each name a proposal was written as, resolved to it ({@code ids} null: a stand-in id, to judge before creating). */
    private static Map<String, NameMatch> resolutions(List<OrgProposal> proposals, Map<OrgProposal, UUID> ids) {
        Map<String, NameMatch> byInput = new java.util.HashMap<>();
        for (OrgProposal p : proposals) {
            UUID id = ids == null ? UUID.randomUUID() : ids.get(p);
            p.inputs().forEach(input -> byInput.put(input, new NameMatch(input, id, p.code(), List.of(id))));
        }
        return byInput;
    }

    /** What a real import leaves out, for its warnings. */
    private static List<String> notes(ImportAnalysis analysis) {
        List<String> notes = new ArrayList<>();
        ParsedPlanDocument doc = analysis.doc();
        for (int i = 0; i < doc.tasks().size(); i++) {
            Task t = doc.tasks().get(i);
            if (t.leadOrgs().isEmpty()) {
                notes.add("task " + label(t) + " names no lead unit; it was saved without one (assign it with updateTask)");
            }
            for (NameMatch m : analysis.taskCooperating().get(i)) {
                if (!m.resolved()) {
                    notes.add("task " + label(t) + ": cooperating unit " + m.input() + " did not resolve and was left off");
                }
            }
        }
        return notes;
    }

    /** Deletes the indicators this import created, one by one; those indicator-service would not delete go to {@code kept}. */
    private Uni<Void> removeIndicators(IndicatorClient.ImportedPlan plan, List<String> created, List<String> kept, ImportActor actor) {
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (String id : created) {
            steps = steps.chain(() -> indicators.deleteIndicator(actor.bearer(), plan, id).onFailure().recoverWithUni(e -> {
                LOG.errorf(e, "could not take back indicator %s after a failed import", id);
                kept.add(id);
                return Uni.createFrom().voidItem();
            }));
        }
        return steps;
    }

    /** Creates the indicators not yet in indicator-service (by name) and sets the regional targets of each table. */
    private Uni<Void> indicatorStep(ImportAnalysis a, IndicatorClient.ImportedPlan plan, List<String> notes, List<String> created,
            ImportActor actor) {
        ParsedPlanDocument doc = a.doc();
        // Also for a hidden plan taken over from an import that died: what that import created is reused, not doubled.
        Uni<Map<String, String>> existing = indicators.indicatorsOf(actor.bearer(), plan.planId());
        return existing.chain(already -> {
            Map<Integer, String> idByIndex = new java.util.HashMap<>();
            Uni<Void> steps = Uni.createFrom().voidItem();
            // indicator-service stores names cleaned and allows one per plan (a second one would fail the import)
            java.util.Set<String> named = new java.util.HashSet<>();
            for (int i = 0; i < doc.indicators().size(); i++) {
                Indicator ind = doc.indicators().get(i);
                int index = i;
                String name = Texts.clean(ind.name());
                if (ind.target() == null) {
                    notes.add("indicator " + ind.name() + " has no target value and was not created");
                } else if (already.containsKey(name)) {
                    // what an earlier import of this draft created stays (it may have recorded values by now)
                    idByIndex.put(index, already.get(name));
                    notes.add("indicator " + ind.name() + " already exists for this plan and was not created again");
                } else if (!named.add(name)) {
                    notes.add("indicator " + ind.name() + " appears more than once in the document; only the first was created");
                } else if (!indicatorServiceKnows(ind.unit())) {
                    notes.add("indicator " + ind.name() + " was not created: indicator-service does not know the unit " + ind.unit());
                } else {
                    List<UUID> responsible = a.indicatorLeads().get(i).stream().filter(NameMatch::resolved)
                            .map(NameMatch::organization).distinct().toList();
                    a.indicatorLeads().get(i).stream().filter(m -> !m.resolved()).forEach(m -> notes.add(
                            "indicator " + ind.name() + ": responsible unit " + m.input() + " did not resolve and was left off"));
                    var input = new IndicatorClient.NewIndicator(ind.name(), ind.unit() == null ? null : ind.unit().strip(),
                            ind.comparator().name(), ind.baseline() == null ? null : ind.baseline().value(),
                            ind.baseline() == null ? null : ind.baseline().year(), ind.target().value(), ind.target().year(), responsible);
                    steps = steps.chain(() -> indicators.createIndicator(actor.bearer(), plan, input).invoke(id -> {
                        idByIndex.put(index, id);
                        created.add(id);
                    })).replaceWithVoid();
                }
            }
            for (int t = 0; t < doc.regionalTables().size(); t++) {
                int table = t;
                steps = steps.chain(() -> regionalTargets(a, plan, table, idByIndex, notes, actor));
            }
            return steps;
        });
    }

    private Uni<Void> regionalTargets(ImportAnalysis a, IndicatorClient.ImportedPlan plan, int index, Map<Integer, String> idByIndex, List<String> notes,
            ImportActor actor) {
        ParsedPlanDocument doc = a.doc();
        BreakdownTable table = doc.regionalTables().get(index);
        Integer indicator = indicatorOf(doc, table, idByIndex);
        if (indicator == null) {
            notes.add("table " + table.title() + " was not saved as regional targets: no imported indicator has its unit "
                    + table.unit() + " and a target equal to its total");
            return Uni.createFrom().voidItem();
        }
        if (!indicatorServiceKnows(table.unit())) {
            notes.add("table " + table.title() + " was not saved: indicator-service does not know the unit " + table.unit());
            return Uni.createFrom().voidItem();
        }
        List<NameMatch> regions = a.tableRegions().get(index);
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (int p = 0; p < table.periods().size(); p++) {
            String period = period(table.periods().get(p));
            int column = p;
            if (period == null) {
                notes.add("table " + table.title() + ": column " + table.periods().get(p) + " is not a year or plan period, not saved");
                continue;
            }
            List<IndicatorClient.RegionalTarget> rows = new ArrayList<>();
            boolean complete = true;
            for (int r = 0; r < table.rows().size(); r++) {
                List<Double> values = table.rows().get(r).values();
                if (column >= values.size() || values.get(column) == null) {
                    complete = false;
                } else {
                    rows.add(new IndicatorClient.RegionalTarget(regions.get(r).organization(), values.get(column)));
                }
            }
            if (!complete) {
                notes.add("table " + table.title() + ": column " + table.periods().get(p) + " has empty cells, not saved");
                continue;
            }
            Double total = table.totals() == null || column >= table.totals().size() ? null : table.totals().get(column);
            String id = idByIndex.get(indicator);
            steps = steps.chain(() -> indicators.setRegionalTargets(actor.bearer(), plan, id, period, rows, total, table.unit().strip()));
        }
        return steps;
    }

    /**
     * Whether indicator-service would accept the unit (a missing unit it accepts too), from the vocabulary both read,
     * so an indicator it would refuse (个百分点, 万套 …) is skipped with a note instead of failing the whole import.
     */
    private static boolean indicatorServiceKnows(String unit) {
        return unit == null || Units.find(unit).isPresent();
    }

    /**
     * The indicator a breakdown table divides among regions: same unit, target equal to the table's grand total (or
     * the sum of its period totals, or its last period's total). A guess would put targets on the wrong indicator, so
     * no match means the table is only shown, not saved.
     */
    private static Integer indicatorOf(ParsedPlanDocument doc, BreakdownTable table, Map<Integer, String> idByIndex) {
        if (table.unit() == null) {
            return null;
        }
        List<Double> sums = new ArrayList<>();
        if (table.grandTotal() != null) {
            sums.add(table.grandTotal());
        }
        if (table.totals() != null && !table.totals().isEmpty() && table.totals().stream().allMatch(java.util.Objects::nonNull)) {
            sums.add(table.totals().stream().mapToDouble(Double::doubleValue).sum());
            sums.add(table.totals().get(table.totals().size() - 1));
        }
        for (int i = 0; i < doc.indicators().size(); i++) {
            Indicator ind = doc.indicators().get(i);
            if (idByIndex.containsKey(i) && table.unit().strip().equals(ind.unit() == null ? null : ind.unit().strip())
                    && ind.target() != null && sums.stream().anyMatch(s -> Math.abs(s - ind.target().value()) < 1e-9)) {
                return i;
            }
        }
        return null;
    }

    /** A column header as indicator-service's period: 2025年 → 2025, 2021—2025年 → 2021-2025; else null. */
    static String period(String header) {
        String h = header == null ? "" : header.strip();
        Matcher year = YEAR.matcher(h);
        if (year.matches()) {
            return year.group(1);
        }
        Matcher years = YEARS.matcher(h);
        return years.matches() ? years.group(1) + "-" + years.group(2) : null;
    }

    /** The failure as the client sees it: same code, saying that nothing of the import stayed in plan-service. */
    private static Throwable undone(Throwable failure, boolean fresh, int created, List<String> kept, List<String> organizations) {
        String indicatorsNote = created == 0 ? ""
                : kept.isEmpty() ? " (the " + created + " indicators it had created in indicator-service were removed)"
                : " (indicators it created that could not be removed from indicator-service: " + String.join(", ", kept) + ")";
        String organizationsNote = organizations.isEmpty() ? ""
                : " (the organizations it created in org-service stay, for the next import to find: " + String.join("、", organizations) + ")";
        String what = (fresh ? "import failed and nothing was saved in plan-service" : "import failed and the draft was left as it was")
                + indicatorsNote + organizationsNote + ": " + failure.getMessage();
        if (failure instanceof BadUserInputException) {
            return new BadUserInputException(what);
        }
        if (failure instanceof ForbiddenException) {
            return new ForbiddenException(what);
        }
        if (failure instanceof ConflictException) {
            return new ConflictException(what);
        }
        if (failure instanceof NotFoundException) {
            return new NotFoundException(what);
        }
        if (failure instanceof PlatformException) {
            return new UnavailableException(what);
        }
        return new UnavailableException(what);
    }

    static String label(Task t) {
        return t.number() != null ? t.number() + " " + t.title() : t.title();
    }
}
