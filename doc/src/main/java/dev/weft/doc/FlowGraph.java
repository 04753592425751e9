package dev.weft.doc;

import dev.weft.model.Flow;
import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import dev.weft.model.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data-flow diagram as a graph: the systems, and one edge per flow labelled with the flow's
 * name and what moves. Nodes come in drawing order, left to right: systems that mostly send to
 * "Your App", then Your App, then systems it mostly sends to.
 */
record FlowGraph(List<Node> nodes, List<Edge> edges) {

  FlowGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** A system. {@code detail} is its kind and protocol, e.g. "API · HTTPS". */
  record Node(String id, String name, boolean ours, String detail) {}

  /** A flow from one system to another; a sync flow is two-way. */
  record Edge(String from, String to, boolean twoWay, String label, String moves) {}

  static FlowGraph of(Spec spec) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (SystemDef s : spec.systems().values()) {
      String protocol = plain(ConnectionWords.transferProtocol(ConnectionWords.byDefaultUrl(spec, s)));
      String detail = s.connection().label() + (protocol.isEmpty() ? "" : " · " + protocol);
      nodes.put(s.id(), new Node(s.id(), s.displayName(), s.ours(), detail));
    }
    List<Edge> edges = new ArrayList<>();
    for (Flow flow : spec.flows()) {
      Edge edge = switch (flow.body()) {
        case Flow.Pipeline p -> new Edge(p.source().system(), p.target().system(), false, flow.displayName(),
            from(flow, p.source()) + " → " + to(p.target()));
        case Sync s -> new Edge(s.a().system(), s.b().system(), true, flow.displayName(), side(s.a()) + " ⇄ " + side(s.b()));
      };
      nodes.putIfAbsent(edge.from(), new Node(edge.from(), edge.from(), false, ""));
      nodes.putIfAbsent(edge.to(), new Node(edge.to(), edge.to(), false, ""));
      edges.add(edge);
    }
    return new FlowGraph(ordered(new ArrayList<>(nodes.values()), edges), edges);
  }

  private static List<Node> ordered(List<Node> nodes, List<Edge> edges) {
    Node ours = nodes.stream().filter(Node::ours).findFirst().orElse(null);
    Map<String, Integer> towardsOurs = new HashMap<>();
    if (ours == null) {
      // No "Your App": sources to the left, targets to the right.
      for (Edge e : edges) {
        if (e.twoWay() || e.from().equals(e.to())) continue;
        towardsOurs.merge(e.from(), 1, Integer::sum);
        towardsOurs.merge(e.to(), -1, Integer::sum);
      }
      List<Node> sorted = new ArrayList<>(nodes);
      sorted.sort((x, y) -> Integer.compare(towardsOurs.getOrDefault(y.id(), 0), towardsOurs.getOrDefault(x.id(), 0)));
      return sorted;
    }
    for (Edge e : edges) {
      if (e.to().equals(ours.id()) || e.twoWay() && e.from().equals(ours.id())) {
        towardsOurs.merge(e.to().equals(ours.id()) ? e.from() : e.to(), 1, Integer::sum);
      } else if (e.from().equals(ours.id())) {
        towardsOurs.merge(e.to(), -1, Integer::sum);
      }
    }
    List<Node> left = new ArrayList<>();
    List<Node> right = new ArrayList<>();
    for (Node n : nodes) {
      if (n == ours) continue;
      (towardsOurs.getOrDefault(n.id(), 0) >= 0 ? left : right).add(n);
    }
    List<Node> all = new ArrayList<>(left);
    all.add(ours);
    all.addAll(right);
    return all;
  }

  private static String from(Flow flow, Source s) {
    if (s.endpoint().isPresent()) return s.endpoint().get().toString();
    if (s.table().isPresent()) return "table " + s.table().get();
    if (s.query().isPresent()) return "SQL query";
    if (s.files().isPresent()) return "files " + s.files().get();
    if (s.topic().isPresent()) return s.topic().get();
    Optional<Trigger.Event> event = flow.trigger(Trigger.Event.class);
    if (event.isPresent()) return "messages on " + event.get().topic();
    return flow.trigger(Trigger.Webhook.class).isPresent() ? "webhook payloads" : "records";
  }

  private static String to(Target t) {
    if (t.table().isPresent()) return "table " + t.table().get();
    if (t.endpoint().isPresent()) return t.endpoint().get().toString();
    if (t.file().isPresent()) return "file " + t.file().get();
    if (t.topic().isPresent()) return t.topic().get();
    return "target";
  }

  private static String side(Sync.Side side) {
    return side.table().map(t -> "table " + t).orElse(side.endpoint().orElse("?"));
  }

  private static String plain(Text text) {
    StringBuilder out = new StringBuilder();
    for (Text.Span s : text.spans()) {
      if (s instanceof Text.Plain p) out.append(p.text());
    }
    return out.toString();
  }
}
