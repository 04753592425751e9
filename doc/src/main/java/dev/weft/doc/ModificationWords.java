package dev.weft.doc;

import dev.weft.mapping.units.UnitCatalog;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import java.util.Map;

/** What a map row does to its value, in plain words ("converted from pounds to kilograms"). */
final class ModificationWords {
  private static final int LOOKUP_SHOWN = 8;

  private ModificationWords() {}

  /** True when the row does more than copy a value as it is. */
  static boolean modifies(MapRow row) {
    return !(row.operation() instanceof Operation.Copy) || row.defaultValue().isPresent() || row.required() || row.round().isPresent();
  }

  static Text action(MapRow row, ErrorPolicy.InvalidRecords invalid) {
    Text.Builder b = Text.builder();
    boolean defaultSaid = false;
    switch (row.operation()) {
      case Operation.Copy c -> b.plain("copied");
      case Operation.Concat c -> b.plain("joined with " + quoted(c.with()));
      case Operation.Split s -> {
        b.plain("split on " + quoted(s.on()));
        s.limit().ifPresent(n -> b.plain(" into at most " + Values.count(n, "part")));
      }
      case Operation.Convert c -> b.plain("converted from " + UnitCatalog.describe(c.fromUnit()) + " to " + UnitCatalog.describe(c.toUnit()));
      case Operation.Date d -> {
        b.plain("read as a date");
        d.parse().ifPresent(p -> b.plain(" with the pattern ").code(p));
        b.plain(" and written as ");
        d.format().ifPresentOrElse(b::code, () -> b.plain("ISO-8601"));
        d.zone().ifPresent(z -> b.plain(" in " + z));
      }
      case Operation.Lookup l -> {
        b.plain("looked up (").plain(lookupTable(l.table())).plain("); otherwise ");
        b.plain(row.defaultValue().map(Values::literal).orElse("left empty"));
        defaultSaid = true;
      }
      case Operation.Expr e -> b.plain("computed with the expression ").code(e.expression());
      case Operation.Value v -> {
        b.plain("value ");
        if (v.value() instanceof String s && SecretText.isReference(s)) b.code(s);
        else b.plain(Values.literal(v.value()));
        b.plain(" written");
      }
    }
    row.round().ifPresent(n -> b.plain(", " + rounded(n)));
    if (!defaultSaid) row.defaultValue().ifPresent(d -> b.plain("; when empty, " + Values.literal(d) + " is written"));
    if (row.required()) b.plain("; required: a record without a value is invalid and " + consequence(invalid));
    return b.build();
  }

  static String rounded(int decimals) {
    return decimals == 0 ? "rounded to a whole number" : "rounded to " + Values.count(decimals, "decimal");
  }

  static String consequence(ErrorPolicy.InvalidRecords invalid) {
    return switch (invalid) {
      case DEAD_LETTER -> "goes to the dead-letter queue";
      case SKIP -> "is skipped";
      case FAIL -> "fails the run";
    };
  }

  private static String lookupTable(Map<String, Object> table) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (Map.Entry<String, Object> e : table.entrySet()) {
      if (shown == LOOKUP_SHOWN) {
        out.append(", and ").append(table.size() - shown).append(" more");
        break;
      }
      if (shown > 0) out.append(", ");
      out.append(e.getKey()).append(" → ").append(Values.bare(e.getValue()));
      shown++;
    }
    return out.toString();
  }

  private static String quoted(String s) {
    return "'" + s + "'";
  }
}
