package dev.weft.spec.internal.format;

import dev.weft.spec.internal.Problems;
import dev.weft.spec.internal.format.Shape.Any;
import dev.weft.spec.internal.format.Shape.AnyOf;
import dev.weft.spec.internal.format.Shape.Bool;
import dev.weft.spec.internal.format.Shape.Int;
import dev.weft.spec.internal.format.Shape.ListOf;
import dev.weft.spec.internal.format.Shape.MapOf;
import dev.weft.spec.internal.format.Shape.Obj;
import dev.weft.spec.internal.format.Shape.Text;
import dev.weft.spec.internal.format.Shape.Word;
import dev.weft.spec.internal.yaml.Paths;
import dev.weft.spec.internal.yaml.Scalars;
import dev.weft.spec.internal.yaml.Scalars.Kind;
import dev.weft.spec.internal.yaml.YamlReader;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks a node tree against the declared format: unknown keys (with did-you-mean), missing
 * required keys, wrong types, words outside their list, text patterns. Indexes every node by path.
 */
public final class StructureCheck {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Set<String> YAML11_BOOLEANS =
      Set.of("yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF");

  private final Problems problems;

  private StructureCheck(Problems problems) {
    this.problems = problems;
  }

  public static void check(Node root, Shape shape, Problems problems) {
    problems.index("", root, Optional.empty());
    new StructureCheck(problems).visit(root, shape, "", 0);
  }

  private void visit(Node node, Shape shape, String path, int depth) {
    if (depth > YamlReader.MAX_DEPTH) return;
    switch (shape) {
      case Text t -> text(node, t, path);
      case Int i -> integer(node, i, path);
      case Bool b -> bool(node, path);
      case Word w -> word(node, w, path);
      case ListOf l -> list(node, l, path, depth);
      case MapOf m -> map(node, m, path, depth);
      case Obj o -> obj(node, o, path, depth);
      case AnyOf a -> anyOf(node, a, path, depth);
      case Any a -> indexAll(node, path, depth);
    }
  }

  private void text(Node node, Text t, String path) {
    Optional<ScalarNode> s = scalar(node, path, "text");
    if (s.isEmpty()) return;
    Kind kind = Scalars.kind(s.get());
    if (kind == Kind.BOOLEAN || kind == Kind.NULL) {
      wrong(node, path, "text", s.get());
      return;
    }
    if (t.pattern().isPresent() && kind != Kind.TEXT) {
      wrong(node, path, t.hint(), s.get());
      return;
    }
    String value = s.get().getValue();
    t.pattern().ifPresent(p -> {
      if (!pattern(p).matcher(value).matches()) {
        problems.errorAt(node, path, "'" + value + "' is not " + t.hint(), Optional.empty());
      }
    });
  }

  private void integer(Node node, Int i, String path) {
    Optional<ScalarNode> s = scalar(node, path, "a whole number");
    if (s.isEmpty()) return;
    if (Scalars.kind(s.get()) != Kind.INTEGER) {
      wrong(node, path, "a whole number", s.get());
      return;
    }
    BigInteger value = new BigInteger(s.get().getValue());
    if (i.min().isPresent() && value.compareTo(BigInteger.valueOf(i.min().get())) < 0) {
      problems.errorAt(node, path, "must be at least " + i.min().get() + ", got " + value, Optional.empty());
    } else if (value.bitLength() > 31) {
      problems.errorAt(node, path, "the number " + value + " is too large", Optional.empty());
    }
  }

  private void bool(Node node, String path) {
    Optional<ScalarNode> s = scalar(node, path, "true or false");
    if (s.isEmpty() || Scalars.kind(s.get()) == Kind.BOOLEAN) return;
    String value = s.get().getValue();
    if (YAML11_BOOLEANS.contains(value)) {
      problems.errorAt(node, path, "expected true or false, got '" + value + "' (in YAML 1.2 only true and false are booleans)", Optional.empty());
    } else {
      wrong(node, path, "true or false", s.get());
    }
  }

  private void word(Node node, Word w, String path) {
    Optional<ScalarNode> s = scalar(node, path, w.describe());
    if (s.isEmpty()) return;
    String value = s.get().getValue();
    if (Scalars.kind(s.get()) == Kind.TEXT && w.words().contains(value)) return;
    if (Scalars.kind(s.get()) == Kind.NULL) {
      wrong(node, path, w.describe(), s.get());
      return;
    }
    Optional<String> suggestion = Suggestions.closest(value, w.words());
    problems.errorAt(node, path, "'" + value + "' is not " + w.describe() + Suggestions.hint(suggestion), suggestion);
  }

  private void list(Node node, ListOf l, String path, int depth) {
    if (!(node instanceof SequenceNode seq)) {
      wrong(node, path, "a list", node);
      return;
    }
    List<Node> items = seq.getValue();
    if (items.size() < l.minItems()) {
      problems.errorAt(node, path, l.minItems() == 1 ? "must not be empty" : "needs at least " + l.minItems() + " items, has " + items.size(), Optional.empty());
    } else if (l.maxItems().isPresent() && items.size() > l.maxItems().get()) {
      problems.errorAt(node, path, "takes at most " + l.maxItems().get() + " items, has " + items.size(), Optional.empty());
    }
    for (int i = 0; i < items.size(); i++) {
      String child = Paths.index(path, i);
      problems.index(child, items.get(i), Optional.empty());
      visit(items.get(i), l.item(), child, depth + 1);
    }
  }

  private void map(Node node, MapOf m, String path, int depth) {
    if (!(node instanceof MappingNode map)) {
      wrong(node, path, "a mapping", node);
      return;
    }
    if (map.getValue().size() < m.minEntries()) {
      problems.errorAt(node, path, "must not be empty", Optional.empty());
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) continue; // reported by the reader
      String child = Paths.key(path, k.getValue());
      problems.index(child, t.getValueNode(), Optional.of(k));
      visit(t.getValueNode(), m.value(), child, depth + 1);
    }
  }

  private void obj(Node node, Obj o, String path, int depth) {
    if (!(node instanceof MappingNode map)) {
      wrong(node, path, "a mapping (" + o.name() + ")", node);
      return;
    }
    Set<String> present = new HashSet<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
      String name = k.getValue();
      String child = Paths.key(path, name);
      problems.index(child, t.getValueNode(), Optional.of(k));
      if (!present.add(name)) continue; // a duplicate, reported by the reader
      Optional<Key> key = o.key(name);
      if (key.isEmpty()) {
        Optional<String> suggestion = Suggestions.closest(name, o.keyNames());
        problems.errorAtKey(child, "unknown key '" + name + "'" + Suggestions.hint(suggestion), suggestion);
        continue;
      }
      visit(t.getValueNode(), key.get().shape(), child, depth + 1);
    }
    for (Key key : o.keys()) {
      if (key.required() && !present.contains(key.name())) {
        problems.errorAt(node, path, "missing required key '" + key.name() + "'", Optional.empty());
      }
    }
  }

  private void anyOf(Node node, AnyOf a, String path, int depth) {
    for (Shape option : a.options()) {
      if (fits(node, option)) {
        visit(node, option, path, depth);
        return;
      }
    }
    wrong(node, path, a.describe(), node);
  }

  /** Whether the node is the kind of node the shape takes (scalar, list or mapping). */
  private static boolean fits(Node node, Shape shape) {
    return switch (shape) {
      case ListOf l -> node instanceof SequenceNode;
      case MapOf m -> node instanceof MappingNode;
      case Obj o -> node instanceof MappingNode;
      case Any any -> true;
      case AnyOf a -> a.options().stream().anyMatch(s -> fits(node, s));
      case Text t -> node instanceof ScalarNode s && Scalars.kind(s) != Kind.NULL && Scalars.kind(s) != Kind.BOOLEAN;
      default -> node instanceof ScalarNode s && Scalars.kind(s) != Kind.NULL;
    };
  }

  private void indexAll(Node node, String path, int depth) {
    if (depth > YamlReader.MAX_DEPTH) return;
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
        String child = Paths.key(path, k.getValue());
        problems.index(child, t.getValueNode(), Optional.of(k));
        indexAll(t.getValueNode(), child, depth + 1);
      }
    } else if (node instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        String child = Paths.index(path, i);
        problems.index(child, seq.getValue().get(i), Optional.empty());
        indexAll(seq.getValue().get(i), child, depth + 1);
      }
    }
  }

  private Optional<ScalarNode> scalar(Node node, String path, String expected) {
    if (node instanceof ScalarNode s && Scalars.kind(s) != Kind.NULL) return Optional.of(s);
    wrong(node, path, expected, node);
    return Optional.empty();
  }

  private void wrong(Node node, String path, String expected, Node got) {
    problems.errorAt(node, path, "expected " + expected + ", got " + describe(got), Optional.empty());
  }

  static String describe(Node node) {
    if (node instanceof SequenceNode) return "a list";
    if (node instanceof MappingNode) return "a mapping";
    ScalarNode s = (ScalarNode) node;
    return switch (Scalars.kind(s)) {
      case NULL -> "nothing";
      case BOOLEAN -> s.getValue();
      case INTEGER, DECIMAL -> "the number " + s.getValue();
      case TEXT -> "'" + s.getValue() + "'";
    };
  }

  private static Pattern pattern(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }
}
