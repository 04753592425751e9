package dev.weft.spec.internal.bind;

import dev.weft.spec.internal.yaml.Scalars;
import dev.weft.spec.internal.yaml.Scalars.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Lenient reads from a node tree whose shape was checked already: a value of the wrong shape
 * reads as absent (its problem is reported by the structure check).
 */
public record Nodes(Optional<Node> node) {

  public static Nodes of(Node node) {
    return new Nodes(Optional.of(node));
  }

  public static final Nodes ABSENT = new Nodes(Optional.empty());

  public Nodes get(String key) {
    if (node.orElse(null) instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return new Nodes(Optional.of(t.getValueNode()));
        }
      }
    }
    return ABSENT;
  }

  public boolean present() {
    return node.isPresent() && !(node.get() instanceof ScalarNode s && Scalars.kind(s) == Kind.NULL);
  }

  public boolean isList() {
    return node.orElse(null) instanceof SequenceNode;
  }

  public boolean isMapping() {
    return node.orElse(null) instanceof MappingNode;
  }

  public Optional<String> text() {
    if (node.orElse(null) instanceof ScalarNode s) {
      Kind k = Scalars.kind(s);
      if (k == Kind.TEXT || k == Kind.INTEGER || k == Kind.DECIMAL) return Optional.of(s.getValue());
    }
    return Optional.empty();
  }

  public String text(String fallback) {
    return text().orElse(fallback);
  }

  public Optional<Integer> integer() {
    if (node.orElse(null) instanceof ScalarNode s && Scalars.kind(s) == Kind.INTEGER) {
      try {
        return Optional.of(Integer.parseInt(s.getValue()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public Optional<Long> longValue() {
    return integer().map(Integer::longValue);
  }

  public boolean bool(boolean fallback) {
    if (node.orElse(null) instanceof ScalarNode s && Scalars.kind(s) == Kind.BOOLEAN) return Boolean.parseBoolean(s.getValue());
    return fallback;
  }

  public List<Nodes> items() {
    List<Nodes> out = new ArrayList<>();
    if (node.orElse(null) instanceof SequenceNode seq) for (Node n : seq.getValue()) out.add(Nodes.of(n));
    return out;
  }

  /** Entries of a mapping in file order (first of duplicates wins). */
  public Map<String, Nodes> entries() {
    Map<String, Nodes> out = new LinkedHashMap<>();
    if (node.orElse(null) instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) out.putIfAbsent(k.getValue(), Nodes.of(t.getValueNode()));
      }
    }
    return out;
  }

  /** A text or a list of texts, as a list. */
  public List<String> texts() {
    if (isList()) return items().stream().flatMap(n -> n.text().stream()).toList();
    return text().map(List::of).orElse(List.of());
  }

  public Optional<Object> value() {
    return node.map(Scalars::value);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> valueMap() {
    return value().filter(Map.class::isInstance).map(v -> (Map<String, Object>) v).orElse(Map.of());
  }
}
