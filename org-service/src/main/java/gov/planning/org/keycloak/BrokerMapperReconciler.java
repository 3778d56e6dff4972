package gov.planning.org.keycloak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.IdentityProviderDirectory.Mapper;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

/**
 * Brokered login (统一身份认证): a user unknown to the realm who signs in through a government identity provider is
 * put into their organization's group on first login by Keycloak itself, from the upstream token. Keycloak has no
 * mapper that turns a claim's value into a group, so every identity provider gets one "advanced claim to group"
 * mapper per organization group: {@code org:<code>} for the claim {@value #CODE_CLAIM} equal to the code, and
 * {@code org-name:<code>} for the claim {@value #NAME_CLAIM} equal to the organization's name, short name or an alias
 * (only names that point at one organization in force today: an ambiguous name places nobody). A user whom no
 * mapper places has no group and so sees no data (the gateway refuses callers without an organization) until an
 * administrator moves them. Mappers apply on first login only ({@code syncMode IMPORT}): later moves by the
 * department administrators stick. Mappers whose name does not start with {@code org:}/{@code org-name:} are not ours.
 */
public final class BrokerMapperReconciler {

    public static final String CODE_CLAIM = "org_code";
    public static final String NAME_CLAIM = "org_name";
    static final String CODE_PREFIX = "org:";
    static final String NAME_PREFIX = "org-name:";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private BrokerMapperReconciler() {
    }

    /** Number of mappers created, updated and deleted over all identity providers. */
    public record Result(int created, int updated, int deleted) {
    }

    public static Result reconcile(OrgTree tree, IdentityProviderDirectory keycloak, java.time.LocalDate today) {
        if (tree.nodes().stream().noneMatch(o -> o.kind() != OrgKind.COLLECTIVE)) {
            return new Result(0, 0, 0);
        }
        int created = 0, updated = 0, deleted = 0;
        for (Map.Entry<String, String> provider : keycloak.identityProviders().entrySet()) {
            Map<String, Mapper> wanted = wanted(tree, provider.getValue(), today);
            if (wanted == null) {
                continue;
            }
            Map<String, Mapper> existing = new HashMap<>();
            List<Mapper> stray = new ArrayList<>();
            for (Mapper mapper : keycloak.mappers(provider.getKey())) {
                if (!ours(mapper)) {
                    continue;
                }
                if (!wanted.containsKey(mapper.name()) || existing.putIfAbsent(mapper.name(), mapper) != null) {
                    stray.add(mapper);
                }
            }
            for (Mapper mapper : wanted.values()) {
                Mapper now = existing.get(mapper.name());
                if (now == null) {
                    keycloak.createMapper(provider.getKey(), mapper);
                    created++;
                } else if (!now.type().equals(mapper.type()) || !now.config().equals(mapper.config())) {
                    keycloak.updateMapper(provider.getKey(), new Mapper(now.id(), mapper.name(), mapper.type(), mapper.config()));
                    updated++;
                }
            }
            for (Mapper mapper : stray) {
                keycloak.deleteMapper(provider.getKey(), mapper.id());
                deleted++;
            }
        }
        return new Result(created, updated, deleted);
    }

    private static boolean ours(Mapper mapper) {
        return mapper.name().startsWith(CODE_PREFIX) || mapper.name().startsWith(NAME_PREFIX);
    }

    /** The mappers an identity provider of this type should have, by name; null for a type we do not map. */
    private static Map<String, Mapper> wanted(OrgTree tree, String providerType, java.time.LocalDate today) {
        boolean saml = "saml".equals(providerType);
        if (!saml && !"oidc".equals(providerType) && !"keycloak-oidc".equals(providerType)) {
            return null;
        }
        List<OrgNode> orgs = tree.nodes().stream().filter(o -> o.kind() != OrgKind.COLLECTIVE)
                .sorted(java.util.Comparator.comparing(OrgNode::code)).toList();
        Map<String, List<OrgNode>> byName = new HashMap<>();
        for (OrgNode org : orgs) {
            if (org.validOn(today)) {
                names(org).forEach(name -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(org));
            }
        }
        Map<String, Mapper> wanted = new LinkedHashMap<>();
        for (OrgNode org : orgs) {
            String group = groupPath(tree, org);
            wanted.put(CODE_PREFIX + org.code(), mapper(CODE_PREFIX + org.code(), saml, CODE_CLAIM, org.code(), false, group));
            List<String> unique = names(org).stream().filter(n -> byName.getOrDefault(n, List.of()).size() == 1).toList();
            if (org.validOn(today) && !unique.isEmpty()) {
                String pattern = unique.stream().map(Pattern::quote).collect(Collectors.joining("|"));
                wanted.put(NAME_PREFIX + org.code(), mapper(NAME_PREFIX + org.code(), saml, NAME_CLAIM, pattern, true, group));
            }
        }
        return wanted;
    }

    static Collection<String> names(OrgNode org) {
        TreeSet<String> names = new TreeSet<>();
        names.add(org.name());
        if (org.shortName() != null && !org.shortName().isBlank()) {
            names.add(org.shortName());
        }
        org.aliases().stream().filter(a -> a != null && !a.isBlank()).forEach(names::add);
        return names;
    }

    private static Mapper mapper(String name, boolean saml, String claim, String value, boolean regex, String group) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("syncMode", "IMPORT");
        // Keycloak keeps the claims as a JSON list of key/value pairs in one string.
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put("key", claim);
        pair.put("value", value);
        String claims = json(List.of(pair));
        config.put(saml ? "attributes" : "claims", claims);
        config.put(saml ? "are.attribute.values.regex" : "are.claim.values.regex", String.valueOf(regex));
        config.put("group", group);
        return new Mapper(null, name, saml ? "saml-advanced-group-idp-mapper" : "oidc-advanced-group-idp-mapper", config);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group's path: the codes of the organization's group ancestors (groups are named by code). */
    static String groupPath(OrgTree tree, OrgNode org) {
        StringBuilder path = new StringBuilder();
        for (OrgNode o = org; o != null; o = GroupReconciler.groupParent(tree, o)) {
            path.insert(0, "/" + o.code());
        }
        return path.toString();
    }
}
