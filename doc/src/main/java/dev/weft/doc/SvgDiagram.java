package dev.weft.doc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-flow graph as inline SVG, laid out without a browser or script: the systems are tall
 * boxes in one row, and each flow is a horizontal arrow at its own height between its two systems,
 * labelled above, so that no two labels can overlap.
 */
final class SvgDiagram {
  private static final int MARGIN = 16;
  private static final int ROW = 56;
  private static final int MIN_BOX = 150;
  private static final int MIN_GAP = 140;
  private static final int NAME_CHARS = 22;
  private static final int LABEL_CHARS = 46;
  private static final double NAME_CHAR_WIDTH = 8.4;
  private static final double LABEL_CHAR_WIDTH = 6.9;

  private SvgDiagram() {}

  private record Box(FlowGraph.Node node, List<String> nameLines, List<String> detailLines, int width, int header) {}

  static String of(FlowGraph graph) {
    List<Box> boxes = new ArrayList<>();
    Map<String, Integer> column = new HashMap<>();
    int header = 0;
    for (FlowGraph.Node n : graph.nodes()) {
      List<String> lines = wrap(n.name(), NAME_CHARS);
      // "Datastore · PostgreSQL wire protocol over JDBC" reads better as two short lines.
      List<String> details = n.detail().isEmpty() ? List.of()
          : n.detail().length() > NAME_CHARS + 4 ? List.of(n.detail().split(" · ", 2)) : List.of(n.detail());
      int textWidth = (int) Math.ceil(Math.max(longest(lines) * NAME_CHAR_WIDTH, longest(details) * 6.2));
      int h = 14 + lines.size() * 18 + (n.ours() ? 16 : 0) + details.size() * 15 + 6;
      header = Math.max(header, h);
      column.put(n.id(), boxes.size());
      boxes.add(new Box(n, lines, details, Math.max(MIN_BOX, textWidth + 24), h));
    }
    int columns = boxes.size();
    int[] gap = new int[columns];
    for (int i = 0; i < columns; i++) gap[i] = i == columns - 1 ? MARGIN : MIN_GAP;
    for (FlowGraph.Edge e : graph.edges()) {
      int a = column.get(e.from());
      int b = column.get(e.to());
      int labelWidth = labelWidth(e);
      int g = Math.min(a, b);
      gap[g] = Math.max(gap[g], labelWidth + (a == b ? 80 : 28));
    }
    int[] x = new int[columns];
    int at = MARGIN;
    for (int i = 0; i < columns; i++) {
      x[i] = at;
      at += boxes.get(i).width() + gap[i];
    }
    int width = at + (columns > 0 && gap[columns - 1] == MARGIN ? 0 : MARGIN);
    int top = MARGIN;
    int boxHeight = Math.max(90, header + graph.edges().size() * ROW + 12);
    int height = top + boxHeight + MARGIN;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"data-flow\" role=\"img\" aria-labelledby=\"weft-flow-title\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    svg.append("<title id=\"weft-flow-title\">Data-flow diagram: ").append(Html.escape(summary(graph))).append("</title>\n");
    svg.append("<defs><marker id=\"weft-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#374151\"/></marker></defs>\n");

    for (int i = 0; i < graph.edges().size(); i++) {
      FlowGraph.Edge e = graph.edges().get(i);
      int a = column.get(e.from());
      int b = column.get(e.to());
      int y = top + header + i * ROW + (int) (ROW * 0.68);
      svg.append("<g class=\"flow\"><title>").append(Html.escape(e.label() + ": " + e.moves())).append("</title>\n");
      int labelX;
      if (a == b) {
        int right = x[a] + boxes.get(a).width();
        svg.append("<path d=\"M").append(right).append(',').append(y - 10).append(" C").append(right + 44).append(',').append(y - 10)
            .append(' ').append(right + 44).append(',').append(y + 10).append(' ').append(right + 2).append(',').append(y + 10)
            .append("\" fill=\"none\" stroke=\"#374151\" stroke-width=\"1.6\" marker-end=\"url(#weft-arrow)\"/>\n");
        labelX = right + 56 + labelWidth(e) / 2;
      } else {
        int x1 = a < b ? x[a] + boxes.get(a).width() : x[a];
        int x2 = a < b ? x[b] - 1 : x[b] + boxes.get(b).width() + 1;
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2).append("\" y2=\"").append(y)
            .append("\" stroke=\"#374151\" stroke-width=\"1.6\" marker-end=\"url(#weft-arrow)\"")
            .append(e.twoWay() ? " marker-start=\"url(#weft-arrow)\"" : "").append("/>\n");
        int g = Math.min(a, b);
        labelX = x[g] + boxes.get(g).width() + gap[g] / 2;
      }
      svg.append("<text x=\"").append(labelX).append("\" y=\"").append(y - 22).append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#1f2328\">")
          .append(Html.escape(cut(e.label()))).append("</text>\n");
      svg.append("<text x=\"").append(labelX).append("\" y=\"").append(y - 8).append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">")
          .append(Html.escape(cut(e.moves()))).append("</text>\n");
      svg.append("</g>\n");
    }

    for (int i = 0; i < columns; i++) {
      Box box = boxes.get(i);
      FlowGraph.Node n = box.node();
      int cx = x[i] + box.width() / 2;
      svg.append("<g class=\"system\"><rect x=\"").append(x[i]).append("\" y=\"").append(top).append("\" width=\"").append(box.width())
          .append("\" height=\"").append(boxHeight).append("\" rx=\"8\" fill=\"").append(n.ours() ? "#e6effd" : "#f6f8fa")
          .append("\" stroke=\"").append(n.ours() ? "#2456c5" : "#57606a").append("\" stroke-width=\"").append(n.ours() ? "2" : "1.2").append("\"/>\n");
      int y = top + 24;
      for (String line : box.nameLines()) {
        svg.append("<text x=\"").append(cx).append("\" y=\"").append(y).append("\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"700\" fill=\"#1f2328\">")
            .append(Html.escape(line)).append("</text>\n");
        y += 18;
      }
      if (n.ours()) {
        svg.append("<text x=\"").append(cx).append("\" y=\"").append(y - 2).append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#2456c5\">(Your App)</text>\n");
        y += 16;
      }
      for (String detail : box.detailLines()) {
        svg.append("<text x=\"").append(cx).append("\" y=\"").append(y - 2).append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">")
            .append(Html.escape(detail)).append("</text>\n");
        y += 15;
      }
      svg.append("</g>\n");
    }
    return svg.append("</svg>").toString();
  }

  private static int labelWidth(FlowGraph.Edge e) {
    return (int) Math.ceil(Math.max(cut(e.label()).length(), cut(e.moves()).length()) * LABEL_CHAR_WIDTH);
  }

  private static String summary(FlowGraph graph) {
    List<String> parts = new ArrayList<>();
    for (FlowGraph.Edge e : graph.edges()) parts.add(e.label() + " (" + e.from() + (e.twoWay() ? " ⇄ " : " → ") + e.to() + ")");
    return parts.isEmpty() ? "no flows" : String.join("; ", parts);
  }

  private static String cut(String text) {
    return text.length() <= LABEL_CHARS ? text : text.substring(0, LABEL_CHARS - 1) + "…";
  }

  private static int longest(List<String> lines) {
    return lines.stream().mapToInt(String::length).max().orElse(0);
  }

  /** Words into lines of at most {@code width} characters (a longer word is cut); at most two lines. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
    if (lines.size() > 2) {
      String second = String.join(" ", lines.subList(1, lines.size()));
      lines = List.of(lines.get(0), second.length() > width ? second.substring(0, width - 1) + "…" : second);
    }
    return lines.stream().map(l -> l.length() > width ? l.substring(0, width - 1) + "…" : l).toList();
  }
}
