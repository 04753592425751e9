package dev.weft.engine.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a value a run would write equals the value the target holds, as the target would see
 * it: numbers by value ({@code 4.5360} is {@code 4.536}, numeric text included), timestamps as
 * instants (text without an offset is UTC, as the JDBC connector writes it), dates as dates,
 * booleans against {@code true}/{@code false}/{@code 1}/{@code 0} text, maps and lists field by
 * field. So a planned "unchanged" really is unchanged.
 */
public final class SameValue {
  private SameValue() {}

  public static boolean test(Object planned, Object current) {
    if (planned == null || current == null) return planned == current;
    if (planned.equals(current)) return true;
    if (planned instanceof Map<?, ?> a && current instanceof Map<?, ?> b) return sameMaps(a, b);
    if (planned instanceof List<?> a && current instanceof List<?> b) return sameLists(a, b);
    if (planned instanceof Boolean || current instanceof Boolean) return bool(planned).equals(bool(current)) && bool(planned).isPresent();
    Optional<BigDecimal> x = number(planned);
    Optional<BigDecimal> y = number(current);
    if (x.isPresent() && y.isPresent()) return x.get().compareTo(y.get()) == 0;
    if (planned instanceof String a && current instanceof String b) {
      Optional<Instant> i = instant(a);
      Optional<Instant> j = instant(b);
      if (i.isPresent() && j.isPresent()) return i.get().equals(j.get());
    }
    return false;
  }

  private static boolean sameMaps(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) return false;
    for (var e : a.entrySet()) if (!b.containsKey(e.getKey()) || !test(e.getValue(), b.get(e.getKey()))) return false;
    return true;
  }

  private static boolean sameLists(List<?> a, List<?> b) {
    if (a.size() != b.size()) return false;
    Iterator<?> i = a.iterator();
    Iterator<?> j = b.iterator();
    while (i.hasNext()) if (!test(i.next(), j.next())) return false;
    return true;
  }

  private static Optional<Boolean> bool(Object value) {
    return switch (value) {
      case Boolean b -> Optional.of(b);
      case Number n when n.doubleValue() == 0 -> Optional.of(false);
      case Number n when n.doubleValue() == 1 -> Optional.of(true);
      case String s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "1" -> Optional.of(true);
        case "false", "f", "no", "n", "0" -> Optional.of(false);
        default -> Optional.empty();
      };
      default -> Optional.empty();
    };
  }

  private static Optional<BigDecimal> number(Object value) {
    try {
      return switch (value) {
        case BigDecimal d -> Optional.of(d);
        case Double d when d.isNaN() || d.isInfinite() -> Optional.empty();
        case Float f when f.isNaN() || f.isInfinite() -> Optional.empty();
        case Number n -> Optional.of(new BigDecimal(n.toString()));
        case String s when s.strip().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?") ->
            Optional.of(new BigDecimal(s.strip()));
        default -> Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(String text) {
    String t = text.strip();
    if (t.length() < 10 || !Character.isDigit(t.charAt(0))) return Optional.empty();
    if (t.length() > 10 && t.charAt(10) == ' ') t = t.substring(0, 10) + 'T' + t.substring(11);
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return t.length() == 10 ? Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC)) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
