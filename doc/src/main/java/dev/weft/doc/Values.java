package dev.weft.doc;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Durations, counts and literal values in the document's words. */
final class Values {
  private Values() {}

  /** {@code 2m} reads "2 minutes", {@code 90s} "1 minute 30 seconds", {@code 500ms} "500 milliseconds". */
  static String duration(Duration d) {
    if (d.isZero()) return "0 seconds";
    List<String> parts = new ArrayList<>();
    long days = d.toDays();
    if (days > 0) parts.add(count(days, "day"));
    if (d.toHoursPart() > 0) parts.add(count(d.toHoursPart(), "hour"));
    if (d.toMinutesPart() > 0) parts.add(count(d.toMinutesPart(), "minute"));
    if (d.toSecondsPart() > 0) parts.add(count(d.toSecondsPart(), "second"));
    if (d.toMillisPart() > 0) parts.add(count(d.toMillisPart(), "millisecond"));
    return String.join(" ", parts);
  }

  /** "every 15 minutes", "every hour", "every 2 days". */
  static String every(Duration d) {
    String words = duration(d);
    return "every " + (words.startsWith("1 ") && words.indexOf(' ', 2) < 0 ? words.substring(2) : words);
  }

  static String count(long n, String noun) {
    return number(n) + " " + noun + (n == 1 ? "" : "s");
  }

  static String number(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** A literal from the spec: strings in single quotes, lists and maps spelled out. */
  static String literal(Object value) {
    return switch (value) {
      case null -> "empty";
      case String s -> "'" + s + "'";
      case BigDecimal b -> b.toPlainString();
      case List<?> list -> list.stream().map(Values::literal).collect(Collectors.joining(", ", "[", "]"));
      case Map<?, ?> map ->
          map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
      default -> String.valueOf(value);
    };
  }

  /** A value as a reader would type it: no quotes around strings, lists comma-separated. */
  static String bare(Object value) {
    return switch (value) {
      case null -> "empty";
      case String s -> s;
      case BigDecimal b -> b.toPlainString();
      case List<?> list -> list.stream().map(Values::bare).collect(Collectors.joining(", "));
      default -> literal(value);
    };
  }
}
