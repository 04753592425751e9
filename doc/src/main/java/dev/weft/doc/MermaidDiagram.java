package dev.weft.doc;

import java.util.HashMap;
import java.util.Map;

/** The data-flow graph as a Mermaid {@code flowchart LR}, every label escaped. */
final class MermaidDiagram {
  private MermaidDiagram() {}

  static String of(FlowGraph graph) {
    Map<String, String> ids = new HashMap<>();
    StringBuilder out = new StringBuilder("flowchart LR\n");
    int n = 0;
    for (FlowGraph.Node node : graph.nodes()) {
      String id = "s" + (n++) + "_" + node.id().replaceAll("[^A-Za-z0-9_]", "_");
      ids.put(node.id(), id);
      String label = escape(node.name()) + (node.ours() ? "<br/>(Your App)" : "") + (node.detail().isEmpty() ? "" : "<br/>" + escape(node.detail()));
      out.append("  ").append(id).append("[\"").append(label).append("\"]\n");
    }
    for (FlowGraph.Edge edge : graph.edges()) {
      out.append("  ").append(ids.get(edge.from()))
          .append(edge.twoWay() ? " <-->|\"" : " -->|\"")
          .append(escape(edge.label())).append("<br/>").append(escape(edge.moves()))
          .append("\"| ").append(ids.get(edge.to())).append('\n');
    }
    graph.nodes().stream().filter(FlowGraph.Node::ours).findFirst().ifPresent(ours -> {
      out.append("  classDef ours fill:#e6effd,stroke:#2456c5,stroke-width:2px\n");
      out.append("  class ").append(ids.get(ours.id())).append(" ours\n");
    });
    return out.toString();
  }

  /** Mermaid entity codes for everything that could end a label or be read as markup. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '#' -> out.append("#35;");
        case '&' -> out.append("#amp;");
        case '`' -> out.append("#96;");
        case '|' -> out.append("#124;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
