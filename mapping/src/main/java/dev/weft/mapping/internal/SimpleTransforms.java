package dev.weft.mapping.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The operations that need no compiling beyond their arguments: copy, value, concat, split, lookup. */
public final class SimpleTransforms {
  private SimpleTransforms() {}

  public static final Transform COPY = (value, record, config) -> value;

  public static Transform value(Object constant) {
    return (value, record, config) -> Values.copy(constant);
  }

  /** Joins the non-null values (of a list, or the items of one list value); all null gives null. */
  public static Transform concat(String separator) {
    return (value, record, config) -> {
      if (!(value instanceof List<?> parts)) return value == null ? null : Values.text(value);
      StringBuilder text = null;
      for (Object part : parts) {
        if (part == null) continue;
        if (text == null) text = new StringBuilder();
        else text.append(separator);
        text.append(Values.text(part));
      }
      return text == null ? null : text.toString();
    };
  }

  /** Splits on a literal separator into at most {@code limit} parts (0: no limit); the last keeps the rest. */
  public static Transform split(String separator, int limit) {
    return (value, record, config) -> {
      if (value == null) return null;
      String text = Values.text(value);
      List<Object> parts = new ArrayList<>();
      int start = 0;
      while (limit <= 0 || parts.size() < limit - 1) {
        int at = text.indexOf(separator, start);
        if (at < 0) break;
        parts.add(text.substring(start, at));
        start = at + separator.length();
      }
      parts.add(text.substring(start));
      return parts;
    };
  }

  /**
   * Looks a value up by its text; numbers by value (1, "1" and 1.0 all find the key "1"). A miss
   * gives null (so {@code default} applies).
   */
  public static Transform lookup(Map<String, Object> table) {
    Map<String, Object> byText = new HashMap<>(table);
    table.forEach((key, result) -> {
      String number = numberText(key);
      if (number != null) byText.putIfAbsent(number, result);
    });
    return (value, record, config) -> {
      if (value == null) return null;
      String text = value instanceof Number ? numberText(value) : Values.text(value);
      if (text == null) text = Values.text(value);
      Object found = byText.get(text);
      if (found == null && value instanceof String) {
        String number = numberText(value);
        if (number != null) found = byText.get(number);
      }
      return Values.copy(found);
    };
  }

  private static String numberText(Object value) {
    java.math.BigDecimal d = Values.decimalOrNull(value);
    if (d == null) return null;
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
