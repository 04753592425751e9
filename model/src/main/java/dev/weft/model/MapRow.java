package dev.weft.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the data-mapping table: where a value comes from, where it goes, and at most one
 * operation on the way.
 *
 * @param from source paths ({@code customer.first_name}, {@code lines[0].sku}); empty for a
 *     {@link Operation.Value}; one path gives that value, several give the list of their values
 * @param fromIsList true when {@code from} was written as a YAML list (even of one path)
 * @param to target paths; several only for {@link Operation.Split} (or an expression that yields
 *     a list)
 * @param defaultValue used when the result is null, including a lookup miss
 * @param required a null result makes the record invalid
 * @param round decimals to round a numeric result to
 */
public record MapRow(
    List<String> from,
    boolean fromIsList,
    List<String> to,
    Operation operation,
    Optional<Object> defaultValue,
    boolean required,
    Optional<Integer> round) {

  public MapRow {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  /** What a row does to its value. {@link Copy} when the row names no operation. */
  public sealed interface Operation {

    /** The word the document uses for the action performed. */
    String action();

    record Copy() implements Operation {
      public String action() {
        return "copy";
      }
    }

    record Concat(String with) implements Operation {
      public String action() {
        return "concat";
      }
    }

    /** {@code limit}: at most this many parts; the last part keeps the rest. */
    record Split(String on, Optional<Integer> limit) implements Operation {
      public String action() {
        return "split";
      }
    }

    /** Unit conversion, written {@code unit: lb -> kg}. */
    record Convert(String fromUnit, String toUnit) implements Operation {
      public String action() {
        return "convert";
      }
    }

    /**
     * @param parse input pattern (default: ISO-8601 and common forms)
     * @param zone zone to convert to (and to read local times in)
     * @param format output pattern (default: ISO-8601)
     */
    record Date(Optional<String> parse, Optional<String> zone, Optional<String> format)
        implements Operation {
      public String action() {
        return "date";
      }
    }

    record Lookup(Map<String, Object> table) implements Operation {
      public Lookup {
        table = Collections2.orderedCopy(table);
      }

      public String action() {
        return "lookup";
      }
    }

    /** JSONata: {@code $} is the from value, {@code $$} the whole record, {@code $config} the config. */
    record Expr(String expression) implements Operation {
      public String action() {
        return "expr";
      }
    }

    record Value(Object value) implements Operation {
      public String action() {
        return "value";
      }
    }
  }
}
