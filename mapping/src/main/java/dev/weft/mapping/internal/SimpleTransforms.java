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

  /** Looks a value up by its text; a miss gives null (so {@code default} applies). */
  public static Transform lookup(Map<String, Object> table) {
    Map<String, Object> byText = new HashMap<>();
    table.forEach((key, result) -> byText.put(key, result));
    return (value, record, config) -> value == null ? null : Values.copy(byText.get(Values.text(value)));
  }
}
