package dev.weft.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path into a record tree, written with dots and indexes: {@code customer.first_name},
 * {@code lines[0].sku}, {@code Invoices.Invoice}, {@code @id} (an XML attribute). Records are
 * JSON-like trees of {@code Map<String, Object>}, {@code List<Object>}, strings, numbers,
 * booleans and null.
 */
public record RecordPath(String text, List<Step> steps) {

  public RecordPath {
    steps = List.copyOf(steps);
  }

  /** One step: a field name or a list index. */
  public sealed interface Step {}

  public record Field(String name) implements Step {}

  public record Index(int index) implements Step {}

  /** Parses a path; an error message for a malformed one (empty segment, bad index). */
  public static Parsed parse(String text) {
    List<Step> steps = new ArrayList<>();
    if (text == null || text.isBlank()) return new Parsed(Optional.empty(), Optional.of("empty path"));
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') i++;
      if (i > start) steps.add(new Field(text.substring(start, i)));
      else if (i < n && text.charAt(i) == '.') return bad(text, "empty segment");
      while (i < n && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) return bad(text, "'[' without ']'");
        String number = text.substring(i + 1, close);
        if (!number.matches("\\d{1,9}")) return bad(text, "index '" + number + "' is not a number");
        steps.add(new Index(Integer.parseInt(number)));
        i = close + 1;
      }
      if (i < n) {
        if (text.charAt(i) != '.') return bad(text, "unexpected '" + text.charAt(i) + "'");
        i++;
        if (i == n) return bad(text, "ends with '.'");
      }
    }
    return new Parsed(Optional.of(new RecordPath(text, steps)), Optional.empty());
  }

  private static Parsed bad(String text, String why) {
    return new Parsed(Optional.empty(), Optional.of("malformed path '" + text + "': " + why));
  }

  /** Parses a path known to be valid (validated specs); throws on a malformed one. */
  public static RecordPath of(String text) {
    Parsed parsed = parse(text);
    return parsed.path().orElseThrow(() -> new IllegalArgumentException(parsed.error().orElseThrow()));
  }

  public record Parsed(Optional<RecordPath> path, Optional<String> error) {}

  /** The value at this path, or null when any step is missing. */
  public Object get(Object root) {
    Object current = root;
    for (Step step : steps) {
      if (current == null) return null;
      current =
          switch (step) {
            case Field f -> current instanceof Map<?, ?> m ? m.get(f.name()) : null;
            case Index x ->
                current instanceof List<?> l && x.index() < l.size() ? l.get(x.index()) : null;
          };
    }
    return current;
  }

  /** Sets the value at this path, creating maps and lists on the way. */
  @SuppressWarnings("unchecked")
  public void set(Map<String, Object> root, Object value) {
    Object current = root;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      Object next = last ? value : null;
      switch (step) {
        case Field f -> {
          Map<String, Object> map = (Map<String, Object>) current;
          if (last) map.put(f.name(), value);
          else {
            next = map.get(f.name());
            if (!(next instanceof Map || next instanceof List)) {
              next = container(steps.get(i + 1));
              map.put(f.name(), next);
            }
          }
        }
        case Index x -> {
          List<Object> list = (List<Object>) current;
          while (list.size() <= x.index()) list.add(null);
          if (last) list.set(x.index(), value);
          else {
            next = list.get(x.index());
            if (!(next instanceof Map || next instanceof List)) {
              next = container(steps.get(i + 1));
              list.set(x.index(), next);
            }
          }
        }
      }
      current = next;
    }
  }

  private static Object container(Step nextStep) {
    return nextStep instanceof Index ? new ArrayList<>() : new FieldMap();
  }

  @Override
  public String toString() {
    return text;
  }
}
