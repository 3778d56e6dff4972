package gov.planning.plan.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.plan.entity.Section;

/** An outline node with its children (the whole tree of a plan is read in one query and assembled here). */
@Type("Section")
@Name("Section")
public record SectionView(@Id @NonNull UUID id, String number, @NonNull String heading, @NonNull Integer level,
        @NonNull List<@NonNull SectionView> children) {

    /** The top-level nodes of {@code sections} (one plan's, ordered by level then position), children nested. */
    static List<SectionView> tree(List<Section> sections) {
        Map<UUID, List<Section>> byParent = new HashMap<>();
        for (Section s : sections) {
            byParent.computeIfAbsent(s.parentId, k -> new ArrayList<>()).add(s);
        }
        return build(null, byParent);
    }

    private static List<SectionView> build(UUID parentId, Map<UUID, List<Section>> byParent) {
        List<SectionView> nodes = new ArrayList<>();
        for (Section s : byParent.getOrDefault(parentId, List.of())) {
            nodes.add(new SectionView(s.id, s.number, s.heading, s.level, build(s.id, byParent)));
        }
        return nodes;
    }
}
