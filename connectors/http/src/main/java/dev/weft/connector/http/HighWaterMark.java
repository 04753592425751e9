package dev.weft.connector.http;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The largest incremental value seen. Numbers compare as numbers; anything else compares as text,
 * which orders ISO-8601 timestamps written in one form correctly.
 */
final class HighWaterMark {
  private HighWaterMark() {}

  static Optional<Object> max(Optional<Object> current, Object candidate) {
    if (candidate == null || candidate instanceof java.util.Map || candidate instanceof java.util.List) return current;
    if (current.isEmpty()) return Optional.of(candidate);
    return compare(candidate, current.get()) > 0 ? Optional.of(candidate) : current;
  }

  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) return decimal(x).compareTo(decimal(y));
    return text(a).compareTo(text(b));
  }

  /** The value as a query parameter. */
  static String text(Object value) {
    if (value instanceof BigDecimal d) return d.toPlainString();
    return String.valueOf(value);
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }
}
