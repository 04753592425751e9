package dev.weft.connector.http;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the spec writes them: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
final class DurationText {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?\\s*");

  private DurationText() {}

  static Optional<Duration> parse(Object value) {
    if (value instanceof Number n) return Optional.of(Duration.ofMillis(Math.round(n.doubleValue() * 1000)));
    if (!(value instanceof String text)) return Optional.empty();
    Matcher m = FORM.matcher(text);
    if (!m.matches()) return Optional.empty();
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "m" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          default -> amount * 1000;
        };
    return Optional.of(Duration.ofMillis(Math.round(millis)));
  }
}
