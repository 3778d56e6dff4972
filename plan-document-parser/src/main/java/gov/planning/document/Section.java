package gov.planning.document;

import java.util.List;

/**
 * One node of the outline.
 *
 * @param number   the numbering as printed, brackets made full-width (e.g. 第三章, 二、, （一）, 1., （1）); null for none
 * @param heading  the heading (first sentence or phrase)
 * @param level    depth in the outline tree, 1 for the top
 * @param kind     what the part is for, inherited from the nearest classified ancestor
 * @param text     the node's own paragraphs that are neither a task nor a child section
 * @param children sub-sections
 * @param tasks    tasks read directly under this node
 */
public record Section(String number, String heading, int level, SectionKind kind, String text,
                     List<Section> children, List<Task> tasks) {
    public Section {
        children = List.copyOf(children);
        tasks = List.copyOf(tasks);
    }
}
