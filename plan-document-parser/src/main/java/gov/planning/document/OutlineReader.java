package gov.planning.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the outline tree from numbered paragraphs. Numbering styles nest in a fixed order
 * (第一章 › 第一节 › 一、 › （一） › 1. › （1）), so a marker closes every open node of its own or a
 * deeper style; skipped levels are fine. Continuous numbering across parts, as in task-division
 * plans that run （一）…（六十三） through several 一、 parts, needs nothing special.
 */
final class OutlineReader {

    /** A node while the outline is being read. */
    static final class Node {
        final Numbering.Marker marker;
        final String number;
        final String heading;
        final int line;
        final List<Paragraph> paragraphs = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        Node parent;
        SectionKind kind = SectionKind.TASKS;

        Node(Numbering.Marker marker, String heading, int line) {
            this.marker = marker;
            this.number = marker == null ? null : marker.number();
            this.heading = heading;
            this.line = line;
        }

        int depth() {
            return parent == null ? 0 : parent.depth() + 1;
        }

        String label() {
            return (number == null ? "" : number) + heading;
        }
    }

    private static final Pattern BACKGROUND = Pattern.compile("规划背景|发展基础|发展成效|发展现状|现状|面临的形势|发展形势|存在的问题|重大意义|发展环境|编制背景");
    /** "确保完成全年主要预期目标": work to do about targets, not a list of targets. */
    private static final Pattern TASK_VERB_START = Pattern.compile("^(?:确保|完成|实现|推动|抓好|落实)");
    private static final Pattern GENERAL = Pattern.compile("总体要求|指导思想|基本原则|总体思路|工作原则|总体定位|战略定位");
    private static final Pattern GOALS = Pattern.compile("主要目标|发展目标|目标指标|主要指标|总体目标|工作目标|具体目标|预期目标|^目标$");
    private static final Pattern SAFEGUARDS = Pattern.compile("保障措施|组织保障|工作要求|组织实施|实施保障|规划实施|工作保障|监督检查|督促检查|督查考核|附则");

    private OutlineReader() {
    }

    /** The root holds the preamble; its children are the top-level parts. */
    static Node read(List<Paragraph> body) {
        Node root = new Node(null, "", 0);
        root.kind = SectionKind.GENERAL;
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        for (Paragraph p : body) {
            Numbering.Marker m = p.marker();
            if (m == null) {
                open.peek().paragraphs.add(p);
                continue;
            }
            while (open.size() > 1 && open.peek().marker.style().rank() >= m.style().rank()) {
                open.pop();
            }
            String[] split = splitHeading(m.rest());
            Node node = new Node(m, split[0], p.line());
            if (!split[1].isEmpty()) {
                node.paragraphs.add(new Paragraph(split[1], p.line()));
            }
            node.parent = open.peek();
            open.peek().children.add(node);
            open.push(node);
        }
        for (Node top : root.children) {
            classify(top, SectionKind.TASKS);
        }
        return root;
    }

    /** Heading is the first sentence when it is short enough to be one; the rest is body text. */
    static String[] splitHeading(String rest) {
        int end = -1;
        for (int i = 0; i < rest.length(); i++) {
            if ("。！？!?".indexOf(rest.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return new String[] {rest, ""};
        }
        return new String[] {rest.substring(0, end), TextNormalizer.strip(rest.substring(end + 1))};
    }

    private static void classify(Node node, SectionKind inherited) {
        SectionKind kind = inherited;
        // Only the top two levels name what a part is for; deeper headings are task titles.
        if (node.depth() <= 2) {
            SectionKind own = kindOf(node.heading);
            if (own != null) {
                kind = own;
            }
        }
        node.kind = kind;
        for (Node c : node.children) {
            classify(c, kind);
        }
    }

    static SectionKind kindOf(String heading) {
        String h = heading.replaceAll("[。.：:\\s]", "");
        if (GOALS.matcher(h).find() && h.length() <= 20 && !TASK_VERB_START.matcher(h).find()) {
            return SectionKind.GOALS;
        }
        if (GENERAL.matcher(h).find()) {
            return SectionKind.GENERAL;
        }
        if (SAFEGUARDS.matcher(h).find()) {
            return SectionKind.SAFEGUARDS;
        }
        if (BACKGROUND.matcher(h).find()) {
            return SectionKind.BACKGROUND;
        }
        return null;
    }
}
