package dev.weft.spec.internal.bind;

import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import java.util.List;
import java.util.Optional;

/**
 * Binds a row of a mapping table. The row's shape (one operation at most, split needs a list of
 * {@code to}, ...) is checked by the mapping module; here the row is read as written, and a row
 * naming several operations keeps the first in the order below.
 */
final class MapRowBinder {
  private MapRowBinder() {}

  static MapRow bind(Nodes n) {
    Nodes from = n.get("from");
    return new MapRow(
        from.texts(),
        from.isList(),
        n.get("to").texts(),
        operation(n),
        n.get("default").present() ? n.get("default").value() : Optional.empty(),
        n.get("required").bool(false),
        n.get("round").integer());
  }

  static List<MapRow> bindAll(Nodes rows) {
    return rows.items().stream().map(MapRowBinder::bind).toList();
  }

  private static Operation operation(Nodes n) {
    Optional<String> op = n.get("do").text();
    if (op.isPresent()) {
      switch (op.get()) {
        case "concat" -> {
          return new Operation.Concat(n.get("with").text(""));
        }
        case "split" -> {
          return new Operation.Split(n.get("on").text(","), n.get("limit").integer());
        }
        case "convert" -> {
          String[] units = n.get("unit").text().flatMap(Values::units).orElse(new String[] {"", ""});
          return new Operation.Convert(units[0], units[1]);
        }
        case "date" -> {
          return new Operation.Date(n.get("parse").text(), n.get("zone").text(), n.get("format").text());
        }
        default -> {}
      }
    }
    if (n.get("unit").text().isPresent()) {
      String[] units = n.get("unit").text().flatMap(Values::units).orElse(new String[] {"", ""});
      return new Operation.Convert(units[0], units[1]);
    }
    if (n.get("lookup").isMapping()) return new Operation.Lookup(n.get("lookup").valueMap());
    if (n.get("expr").text().isPresent()) return new Operation.Expr(n.get("expr").text().get());
    if (n.get("value").node().isPresent()) return new Operation.Value(n.get("value").value().orElse(""));
    return new Operation.Copy();
  }
}
