package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.IdentityProviderDirectory.Mapper;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

class BrokerMapperReconcilerTest {

    /** Identity providers with their mappers, recording every change. */
    static class FakeProviders implements IdentityProviderDirectory {
        final Map<String, String> providers = new LinkedHashMap<>();
        final Map<String, Map<String, Mapper>> mappers = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        int ids;

        FakeProviders with(String alias, String type) {
            providers.put(alias, type);
            mappers.put(alias, new LinkedHashMap<>());
            return this;
        }

        @Override
        public Map<String, String> identityProviders() {
            return providers;
        }

        @Override
        public List<Mapper> mappers(String alias) {
            return List.copyOf(mappers.get(alias).values());
        }

        @Override
        public void createMapper(String alias, Mapper mapper) {
            String id = "m" + ++ids;
            mappers.get(alias).put(id, new Mapper(id, mapper.name(), mapper.type(), mapper.config()));
            calls.add("create " + alias + " " + mapper.name());
        }

        @Override
        public void updateMapper(String alias, Mapper mapper) {
            mappers.get(alias).put(mapper.id(), mapper);
            calls.add("update " + alias + " " + mapper.name());
        }

        @Override
        public void deleteMapper(String alias, String id) {
            calls.add("delete " + alias + " " + mappers.get(alias).remove(id).name());
        }

        Mapper named(String alias, String name) {
            return mappers.get(alias).values().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
        }
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final UUID NMG = UUID.randomUUID();
    private static final UUID ZJT = UUID.randomUUID();
    private static final UUID GX = UUID.randomUUID();
    private static final UUID GX_ZJT = UUID.randomUUID();
    private static final UUID MENGSHI = UUID.randomUUID();
    private static final UUID OLD = UUID.randomUUID();

    private static OrgNode org(UUID id, String code, String name, List<String> aliases, OrgKind kind, UUID parent) {
        return new OrgNode(id, code, name, null, aliases, kind, AdminLevel.PROVINCE, null, parent, null, null, null, 0);
    }

    private static OrgTree tree() {
        return new OrgTree(List.of(
                org(NMG, "nmg", "内蒙古自治区人民政府", List.of(), OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", List.of("内蒙古住建厅", "住建厅"), OrgKind.DEPARTMENT, NMG),
                org(GX, "gx", "广西壮族自治区人民政府", List.of(), OrgKind.GOVERNMENT, null),
                org(GX_ZJT, "gx.zjt", "广西壮族自治区住房和城乡建设厅", List.of("住建厅"), OrgKind.DEPARTMENT, GX),
                org(MENGSHI, "nmg.mengshi-govs", "各盟行政公署、市人民政府", List.of(), OrgKind.COLLECTIVE, NMG),
                new OrgNode(OLD, "nmg.jst", "自治区建设厅", null, List.of(), OrgKind.DEPARTMENT, AdminLevel.PROVINCE, null, NMG,
                        null, LocalDate.of(2018, 10, 1), ZJT, 0)));
    }

    @Test
    void everyOrganizationGroupGetsAMapperFromItsCodeClaimToItsGroupButCollectivesNone() {
        FakeProviders keycloak = new FakeProviders().with("gov-idp", "oidc");

        BrokerMapperReconciler.reconcile(tree(), keycloak, TODAY);

        Mapper zjt = keycloak.named("gov-idp", "org:nmg.zjt");
        assertThat(zjt.type()).isEqualTo("oidc-advanced-group-idp-mapper");
        assertThat(zjt.config()).containsEntry("claims", "[{\"key\":\"org_code\",\"value\":\"nmg.zjt\"}]")
                .containsEntry("are.claim.values.regex", "false").containsEntry("group", "/nmg/nmg.zjt")
                .containsEntry("syncMode", "IMPORT");
        assertThat(keycloak.named("gov-idp", "org:nmg.mengshi-govs")).isNull();
        assertThat(keycloak.named("gov-idp", "org:gx.zjt").config()).containsEntry("group", "/gx/gx.zjt");
    }

    @Test
    void aNameOrAliasPlacesOnlyWhenItNamesOneOrganizationInForce() {
        FakeProviders keycloak = new FakeProviders().with("gov-idp", "oidc");

        BrokerMapperReconciler.reconcile(tree(), keycloak, TODAY);

        String pattern = keycloak.named("gov-idp", "org-name:nmg.zjt").config().get("claims");
        assertThat(pattern).contains("自治区住房和城乡建设厅").contains("内蒙古住建厅")
                .as("住建厅 is an alias of two departments").doesNotContain("\\\\Q住建厅\\\\E");
        assertThat(keycloak.named("gov-idp", "org-name:nmg.jst")).as("a department replaced by the 2018 reform").isNull();
        assertThat(keycloak.named("gov-idp", "org:nmg.jst")).isNotNull();
    }

    @Test
    void aSamlProviderGetsAttributeMappersAndOtherKindsOfProviderNone() {
        FakeProviders keycloak = new FakeProviders().with("gov-saml", "saml").with("github", "github");

        BrokerMapperReconciler.reconcile(tree(), keycloak, TODAY);

        Mapper zjt = keycloak.named("gov-saml", "org:nmg.zjt");
        assertThat(zjt.type()).isEqualTo("saml-advanced-group-idp-mapper");
        assertThat(zjt.config()).containsEntry("attributes", "[{\"key\":\"org_code\",\"value\":\"nmg.zjt\"}]")
                .containsEntry("are.attribute.values.regex", "false");
        assertThat(keycloak.mappers("github")).isEmpty();
    }

    @Test
    void repeatingChangesNothingAMovedOrganizationMovesItsMapperAndARemovedOneLosesIt() {
        FakeProviders keycloak = new FakeProviders().with("gov-idp", "oidc");
        keycloak.createMapper("gov-idp", new Mapper(null, "default role reporter", "oidc-hardcoded-role-idp-mapper", Map.of("role", "reporter")));
        BrokerMapperReconciler.reconcile(tree(), keycloak, TODAY);
        keycloak.calls.clear();

        assertThat(BrokerMapperReconciler.reconcile(tree(), keycloak, TODAY)).isEqualTo(new BrokerMapperReconciler.Result(0, 0, 0));

        OrgTree changed = new OrgTree(List.of(
                org(NMG, "nmg", "内蒙古自治区人民政府", List.of(), OrgKind.GOVERNMENT, null),
                org(GX, "gx", "广西壮族自治区人民政府", List.of(), OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", List.of(), OrgKind.DEPARTMENT, GX)));
        BrokerMapperReconciler.reconcile(changed, keycloak, TODAY);

        assertThat(keycloak.named("gov-idp", "org:nmg.zjt").config()).containsEntry("group", "/gx/nmg.zjt");
        assertThat(keycloak.calls).contains("delete gov-idp org:gx.zjt", "delete gov-idp org-name:gx.zjt")
                .doesNotContain("delete gov-idp default role reporter");
        assertThat(keycloak.named("gov-idp", "default role reporter")).isNotNull();
    }

    @Test
    void anEmptyTreeTouchesNoMapper() {
        FakeProviders keycloak = new FakeProviders().with("gov-idp", "oidc");
        keycloak.createMapper("gov-idp", new Mapper(null, "org:nmg", "oidc-advanced-group-idp-mapper", Map.of()));
        keycloak.calls.clear();

        BrokerMapperReconciler.reconcile(new OrgTree(List.of()), keycloak, TODAY);

        assertThat(keycloak.calls).isEmpty();
    }
}
