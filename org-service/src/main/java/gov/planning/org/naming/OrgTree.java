package gov.planning.org.naming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import gov.planning.org.entity.OrgKind;

/**
 * An immutable snapshot of the whole organization tree with the lookups name resolution, entity lookups and subtrees
 * need.
 */
public final class OrgTree {

    private final Map<UUID, OrgNode> byId = new HashMap<>();
    private final Map<String, OrgNode> byCode = new HashMap<>();
    /** Each node's place in the order it was given (the database's code order), children in that order. */
    private final Map<UUID, Integer> rank = new HashMap<>();
    private final Map<UUID, List<OrgNode>> children = new HashMap<>();
    /**
     * Each subtree asked for, walked once per snapshot: the province's 20,000 organizations are read on every planner's
     * scope refresh and subtree page. In all at most one reference per node and ancestor (~100,000 at 20,000).
     */
    private final Map<UUID, List<OrgNode>> subtrees = new ConcurrentHashMap<>();

    /** @param nodes in code order as the database sorts codes: subtrees list each depth in this order */
    public OrgTree(Collection<OrgNode> nodes) {
        for (OrgNode node : nodes) {
            byId.put(node.id(), node);
            byCode.put(node.code(), node);
            rank.put(node.id(), rank.size());
            if (node.parentId() != null) {
                children.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
            }
        }
    }

    /**
     * Everything below {@code rootId} (any depth), nearest first, each depth in code order: what the ancestry query
     * ({@code ORDER BY cardinality(ancestry), code}) answered. Empty for an unknown id.
     */
    public List<OrgNode> descendants(UUID rootId) {
        if (rootId == null || !byId.containsKey(rootId)) {
            return List.of();
        }
        return subtrees.computeIfAbsent(rootId, this::walk);
    }

    private List<OrgNode> walk(UUID rootId) {
        List<OrgNode> below = new ArrayList<>();
        List<OrgNode> level = children.getOrDefault(rootId, List.of());
        // The depth bound only guards against a cycle written around the service; moves refuse cycles.
        for (int depth = 0; !level.isEmpty() && depth < 100; depth++) {
            List<OrgNode> sorted = new ArrayList<>(level);
            sorted.sort(Comparator.comparingInt(n -> rank.get(n.id())));
            below.addAll(sorted);
            List<OrgNode> next = new ArrayList<>();
            for (OrgNode node : sorted) {
                next.addAll(children.getOrDefault(node.id(), List.of()));
            }
            level = next;
        }
        return List.copyOf(below);
    }

    public Collection<OrgNode> nodes() {
        return byId.values();
    }

    public OrgNode byId(UUID id) {
        return id == null ? null : byId.get(id);
    }

    public OrgNode byCode(String code) {
        return code == null ? null : byCode.get(code);
    }

    /**
     * The body that carries {@code id}'s responsibilities today, the end of its chain of successors; null when no reform
     * replaced it (or the id is unknown).
     */
    public UUID currentSuccessor(UUID id) {
        OrgNode node = byId(id);
        UUID heir = null;
        // The depth bound only guards against a cycle of successions written around the service.
        for (int depth = 0; node != null && node.successorId() != null && depth < 100; depth++) {
            heir = node.successorId();
            node = byId(heir);
        }
        return heir;
    }

    public OrgNode parent(OrgNode node) {
        return byId(node.parentId());
    }

    /**
     * The government a body belongs to: itself for a government, else the nearest government above it. Context and
     * scope are decided between governments, since a department's region is that of its government.
     */
    public OrgNode government(OrgNode node) {
        OrgNode current = node;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (current.kind() == OrgKind.GOVERNMENT) {
                return current;
            }
            current = parent(current);
        }
        return null;
    }

    /** The governments from {@code government} up to the root, itself first. */
    public List<OrgNode> governmentChain(OrgNode government) {
        List<OrgNode> chain = new ArrayList<>();
        OrgNode current = government;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (current.kind() == OrgKind.GOVERNMENT) {
                chain.add(current);
            }
            current = parent(current);
        }
        return chain;
    }

    /** How many steps up from {@code node} reach {@code ancestor}; -1 when it is not above (or is) the node. */
    public int distanceUp(OrgNode node, OrgNode ancestor) {
        OrgNode current = node;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (current.id().equals(ancestor.id())) {
                return depth;
            }
            current = parent(current);
        }
        return -1;
    }

    public OrgNode root(OrgNode node) {
        OrgNode current = node;
        for (int depth = 0; current.parentId() != null && parent(current) != null && depth < 100; depth++) {
            current = parent(current);
        }
        return current;
    }
}
