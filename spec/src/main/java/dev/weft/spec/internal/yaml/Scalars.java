package dev.weft.spec.internal.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** What a YAML 1.2 (JSON schema) scalar is, and the plain Java value of any node. */
public final class Scalars {
  private Scalars() {}

  public enum Kind {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  public static Kind kind(ScalarNode node) {
    Tag tag = node.getTag();
    if (Tag.INT.equals(tag)) return Kind.INTEGER;
    if (Tag.FLOAT.equals(tag)) return Kind.DECIMAL;
    if (Tag.BOOL.equals(tag)) return Kind.BOOLEAN;
    if (Tag.NULL.equals(tag)) return Kind.NULL;
    return Kind.TEXT;
  }

  /** Maps keep their order; integers are Long (BigInteger when larger), decimals Double; null stays null. */
  public static Object value(Node node) {
    return value(node, 0);
  }

  private static Object value(Node node, int depth) {
    if (depth > YamlReader.MAX_DEPTH) return null;
    if (node instanceof ScalarNode s) {
      String v = s.getValue();
      return switch (kind(s)) {
        case TEXT -> v;
        case BOOLEAN -> Boolean.valueOf(v);
        case NULL -> null;
        case INTEGER -> {
          BigInteger big = new BigInteger(v);
          yield big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        case DECIMAL -> Double.valueOf(v.replace(".inf", "Infinity").replace(".nan", "NaN"));
      };
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node item : seq.getValue()) out.add(value(item, depth + 1));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) out.putIfAbsent(k.getValue(), value(t.getValueNode(), depth + 1));
    }
    return out;
  }
}
