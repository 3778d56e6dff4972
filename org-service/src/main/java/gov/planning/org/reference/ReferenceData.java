package gov.planning.org.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

/**
 * The bundled reference organizations ({@code reference/organizations.yaml}; format in the README beside it), read
 * without any database so that the name resolver can be tested on exactly the data a new installation loads.
 */
public record ReferenceData(int dataVersion, List<Org> organizations, List<Collective> collectives) {

    public static final String RESOURCE = "reference/organizations.yaml";
    private static final String CODE_FORMAT = "[a-z0-9]+([.-][a-z0-9]+)*";

    public record Org(String code, String name, String shortName, List<String> aliases, OrgKind kind, AdminLevel level,
            String region, String parent, LocalDate validFrom, LocalDate validTo, String successor) {
    }

    public record Collective(String code, String name, String shortName, List<String> aliases, String parent,
            OrgKind memberKind, AdminLevel memberLevel, String under) {
    }

    public static ReferenceData bundled() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks the file; a broken file stops the service rather than loading half a tree. */
    public static ReferenceData parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        int version = root.path("dataVersion").asInt(0);
        if (version <= 0) {
            throw new IllegalStateException(RESOURCE + ": dataVersion must be a positive integer");
        }
        List<Org> orgs = new ArrayList<>();
        for (JsonNode n : root.path("organizations")) {
            orgs.add(new Org(text(n, "code"), text(n, "name"), text(n, "shortName"), list(n, "aliases"),
                    OrgKind.valueOf(text(n, "kind")), level(text(n, "level")), text(n, "region"), text(n, "parent"),
                    date(n, "validFrom"), date(n, "validTo"), text(n, "successor")));
        }
        List<Collective> collectives = new ArrayList<>();
        for (JsonNode n : root.path("collectives")) {
            JsonNode members = n.path("members");
            collectives.add(new Collective(text(n, "code"), text(n, "name"), text(n, "shortName"), list(n, "aliases"),
                    text(n, "parent"), OrgKind.valueOf(text(members, "kind")), level(text(members, "level")),
                    text(members, "under")));
        }
        ReferenceData data = new ReferenceData(version, List.copyOf(orgs), List.copyOf(collectives));
        data.check();
        return data;
    }

    private void check() {
        Set<String> seen = new HashSet<>();
        for (Org org : organizations) {
            require(org.code() != null && org.code().matches(CODE_FORMAT), "bad code " + org.code());
            require(org.name() != null, org.code() + ": name is missing");
            require(seen.add(org.code()), org.code() + ": duplicate code");
            require(org.parent() == null || seen.contains(org.parent()), org.code() + ": parent " + org.parent()
                    + " must come before its children");
        }
        for (Org org : organizations) {
            require(org.successor() == null || seen.contains(org.successor()), org.code() + ": unknown successor " + org.successor());
        }
        for (Collective c : collectives) {
            require(c.code() != null && c.code().matches(CODE_FORMAT), "bad collective code " + c.code());
            require(seen.add(c.code()), c.code() + ": duplicate code");
            require(c.parent() == null || seen.contains(c.parent()), c.code() + ": unknown parent " + c.parent());
            require(c.under() != null && seen.contains(c.under()), c.code() + ": unknown members.under " + c.under());
        }
    }

    /**
     * The data as an in-memory tree, ids derived from codes; collectives belong to the level of their parent. What
     * the database holds after a load has the same shape (with other ids).
     */
    public OrgTree toTree() {
        Map<String, Org> byCode = new HashMap<>();
        organizations.forEach(o -> byCode.put(o.code(), o));
        List<OrgNode> nodes = new ArrayList<>();
        for (Org o : organizations) {
            nodes.add(new OrgNode(idOf(o.code()), o.code(), o.name(), o.shortName(), o.aliases(), o.kind(), o.level(),
                    o.region(), idOf(o.parent()), o.validFrom(), o.validTo(), idOf(o.successor()), 0));
        }
        for (Collective c : collectives) {
            Org parent = byCode.get(c.parent());
            nodes.add(new OrgNode(idOf(c.code()), c.code(), c.name(), c.shortName(), c.aliases(), OrgKind.COLLECTIVE,
                    parent == null ? null : parent.level(), null, idOf(c.parent()), null, null, null, 0));
        }
        return new OrgTree(nodes);
    }

    private static UUID idOf(String code) {
        return code == null ? null : UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(RESOURCE + ": " + problem);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static List<String> list(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> {
            if (!v.isNull() && !v.asText().isBlank()) {
                values.add(v.asText().strip());
            }
        });
        return List.copyOf(values);
    }

    private static AdminLevel level(String value) {
        return value == null ? null : AdminLevel.valueOf(value);
    }

    /** Jackson hands unquoted YAML dates over as text; a timestamp form would carry a time, which is dropped. */
    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }
}
