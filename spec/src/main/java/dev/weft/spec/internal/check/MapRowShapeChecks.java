package dev.weft.spec.internal.check;

import dev.weft.spec.internal.bind.Nodes;
import java.util.List;
import java.util.Map;

/**
 * The shape of each map row as written: at most one operation, and the keys that go with it. (The
 * model holds one operation per row, so a row naming two can only be caught here.)
 */
final class MapRowShapeChecks {
  private MapRowShapeChecks() {}

  private static final List<String> OPERATIONS = List.of("do", "lookup", "expr", "value");

  /** The keys that belong to each {@code do} word. */
  private static final Map<String, List<String>> DO_KEYS = Map.of(
      "concat", List.of("with"),
      "split", List.of("on", "limit"),
      "convert", List.of("unit"),
      "date", List.of("parse", "format", "zone"));

  static void run(Context c) {
    List<Nodes> flows = c.nodes().get("flows").items();
    for (int i = 0; i < flows.size(); i++) {
      String path = "flows[" + i + "]";
      table(c, flows.get(i).get("map"), path + ".map");
      table(c, flows.get(i).get("sync").get("a_to_b"), path + ".sync.a_to_b");
      table(c, flows.get(i).get("sync").get("b_to_a"), path + ".sync.b_to_a");
    }
  }

  private static void table(Context c, Nodes rows, String path) {
    List<Nodes> items = rows.items();
    for (int j = 0; j < items.size(); j++) if (items.get(j).isMapping()) row(c, items.get(j), path + "[" + j + "]");
  }

  private static void row(Context c, Nodes row, String path) {
    List<String> ops = OPERATIONS.stream().filter(op -> row.get(op).node().isPresent()).toList();
    if (ops.size() > 1) {
      c.problems().error(path + "." + ops.get(1), "a row has at most one operation; this one has " + String.join(" and ", ops));
    }
    String op = row.get("do").text().orElse("");
    if (row.get("unit").present() && !op.isEmpty() && !op.equals("convert")) {
      c.problems().error(path + ".unit", "'unit' goes with do: convert, not do: " + op);
    }
    DO_KEYS.forEach((word, keys) -> {
      for (String key : keys) {
        if (key.equals("unit")) continue;
        if (row.get(key).node().isPresent() && !op.equals(word)) {
          c.problems().error(path + "." + key, "'" + key + "' goes with do: " + word + (op.isEmpty() ? "" : ", not do: " + op));
        }
      }
    });
    if (op.equals("split") && !row.get("to").isList()) {
      c.problems().error(path + ".to", "do: split needs a list of 'to' paths, one per part");
    }
    if (op.equals("concat") && !row.get("from").isList()) {
      c.problems().error(path + ".from", "do: concat needs a list of 'from' paths to join");
    }
    if (op.equals("convert") && !row.get("unit").present()) {
      c.problems().error(path, "do: convert needs 'unit: FROM -> TO'");
    }
    boolean value = row.get("value").node().isPresent();
    if (value && row.get("from").present()) {
      c.problems().error(path + ".from", "a row with 'value' takes no 'from'");
    }
    if (!value && !row.get("from").present() && !row.get("expr").present()) {
      c.problems().error(path, "a row needs 'from' (or 'value', or 'expr' over the whole record)");
    }
  }
}
