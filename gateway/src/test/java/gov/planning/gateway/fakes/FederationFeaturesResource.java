package gov.planning.gateway.fakes;

import static gov.planning.gateway.fakes.FakeSubgraph.typed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Three fake subgraphs that use the federation directives our own services do not: a compound nested key,
 * {@code @requires}, {@code @provides}, {@code @override}, {@code @interfaceObject} and {@code @inaccessible}
 * (SDLs in {@code src/test/resources/federation-features/}). The gateway serves them from
 * {@code supergraph.graphql} there, composed by Apollo's composition:
 * <pre>
 * cd federation && node compose.mjs ../gateway/src/test/resources/federation-features/supergraph.graphql \
 *   orgs=http://orgs.invalid/graphql=../gateway/src/test/resources/federation-features/orgs.graphql \
 *   plans=http://plans.invalid/graphql=../gateway/src/test/resources/federation-features/plans.graphql \
 *   indicators=http://indicators.invalid/graphql=../gateway/src/test/resources/federation-features/indicators.graphql
 * </pre>
 * The file's URLs are placeholders, replaced with the fakes' addresses in a copy the gateway is started with.
 */
public class FederationFeaturesResource implements QuarkusTestResourceLifecycleManager {

    public static final String SUPERGRAPH = "src/test/resources/federation-features/supergraph.graphql";

    static final Map<String, Map<String, Object>> ORGS = new LinkedHashMap<>();
    static final Map<String, Map<String, Object>> COLLECTIVES = new LinkedHashMap<>();

    static {
        ORGS.put("nmg", org("nmg", "内蒙古自治区人民政府", 1, 200));
        ORGS.put("nmg.zjt", org("nmg.zjt", "自治区住房和城乡建设厅", 2, 50));
        COLLECTIVES.put("nmg.ldxz", Map.of("code", "nmg.ldxz", "name", "自治区领导小组"));
    }

    /** Subgraph name → the URL its fake listens on (set by {@link #start()}; tests run in the same JVM). */
    public static volatile Map<String, String> urls = Map.of();

    /** The copy the gateway serves (and re-reads every second). */
    public static volatile Path supergraphFile;

    private final List<FakeSubgraph> started = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            FakeSubgraph orgs = new FakeSubgraph(sdl("orgs"), FederationFeaturesResource::orgEntity,
                    wiring -> wiring.type("Query", b -> b.dataFetcher("organizations",
                            env -> ORGS.values().stream().map(o -> typed("Organization", o)).toList())));
            FakeSubgraph plans = new FakeSubgraph(sdl("plans"),
                    (type, rep) -> type.equals("Unit")
                            // the interface object: plans answers for any unit without knowing its kind
                            ? typed("Unit", Map.of("code", rep.get("code"), "openTasks", ((String) rep.get("code")).length()))
                            : typed("Plan", plan()),
                    wiring -> wiring.type("Query", b -> b.dataFetcher("plans", env -> List.of(plan()))));
            FakeSubgraph indicators = new FakeSubgraph(sdl("indicators"),
                    (type, rep) -> type.equals("Plan")
                            ? typed("Plan", Map.of("id", rep.get("id"), "title", "关于推进城镇老旧小区改造的实施方案",
                                    "issuer", typed("Organization", Map.of("region", Map.of("code", "15"), "seq", 1,
                                            "name", "内蒙古自治区人民政府（指标库）"))))
                            : typed("Organization", Map.of("region", rep.get("region"), "seq", rep.get("seq"),
                                    "targetPerCapita", 1000.0 / ((Number) rep.get("headcount")).intValue())),
                    wiring -> {
                    });
            started.add(orgs);
            started.add(plans);
            started.add(indicators);
            urls = Map.of("orgs", orgs.url(), "plans", plans.url(), "indicators", indicators.url());
            // The file as ops would deploy it, with this run's addresses: the gateway takes them from join__Graph.
            String supergraph = Files.readString(Path.of(SUPERGRAPH));
            for (Map.Entry<String, String> url : urls.entrySet()) {
                supergraph = supergraph.replace("http://" + url.getKey() + ".invalid/graphql", url.getValue());
            }
            Path file = Files.createTempFile("supergraph", ".graphql");
            file.toFile().deleteOnExit();
            Files.writeString(file, supergraph);
            supergraphFile = file;
            return Map.of("planning.composition.supergraph-file", file.toString(), "planning.composition.poll-interval", "1s");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        started.forEach(FakeSubgraph::stop);
    }

    private static Map<String, Object> orgEntity(String type, Map<String, Object> representation) {
        Object code = representation.get("code");
        if (code == null) { // the compound key: region { code } seq
            return ORGS.values().stream().filter(o -> o.get("seq").equals(representation.get("seq"))).findFirst()
                    .map(o -> typed("Organization", o)).orElse(null);
        }
        if (ORGS.containsKey(code)) {
            return typed("Organization", ORGS.get(code));
        }
        // entered as the Unit interface: the answer carries the concrete type
        return COLLECTIVES.containsKey(code) ? typed("Collective", COLLECTIVES.get(code)) : null;
    }

    private static Map<String, Object> plan() {
        return Map.of("id", "p1", "title", "plans' own working title",
                "leads", List.of(Map.of("__typename", "Unit", "code", "nmg.zjt", "openTasks", 7),
                        Map.of("__typename", "Unit", "code", "nmg.ldxz", "openTasks", 8)));
    }

    private static String sdl(String name) {
        return FakeSubgraph.resource("/federation-features/" + name + ".graphql");
    }

    private static Map<String, Object> org(String code, String name, int seq, int headcount) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("code", code);
        org.put("name", name);
        org.put("region", Map.of("code", "15"));
        org.put("seq", seq);
        org.put("headcount", headcount);
        org.put("internalNote", "not for clients");
        return org;
    }
}
