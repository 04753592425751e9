package dev.weft.mapping;

import dev.weft.mapping.internal.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * Turns record values into the types a sink's columns want (numbers from numeric strings, times
 * from ISO text or epoch numbers). A value that does not fit raises {@link IllegalArgumentException}
 * with a message for people: {@code 'ten' is not a number}.
 */
public final class Coercion {
  private Coercion() {}

  /** Local date-times without an offset are read as UTC. */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart().appendLiteral(' ').optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
          .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
          .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
          .toFormatter();

  public static BigDecimal toBigDecimal(Object value) {
    if (value == null) return null;
    BigDecimal number = Values.decimalOrNull(value);
    if (number == null) throw new IllegalArgumentException(Values.quoted(value) + " is not a number");
    return number;
  }

  /** A whole number; a fraction ({@code 2.5}) or one beyond the long range is refused, {@code 2.0} is accepted. */
  public static Long toLong(Object value) {
    if (value == null) return null;
    if (value instanceof Long l) return l;
    if (value instanceof Integer i) return i.longValue();
    BigDecimal number = toBigDecimal(value);
    try {
      return number.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(Values.quoted(value) + " is not a whole number in range");
    }
  }

  public static Integer toInteger(Object value) {
    Long l = toLong(value);
    if (l == null) return null;
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)
      throw new IllegalArgumentException(Values.quoted(value) + " is too large for an integer");
    return l.intValue();
  }

  public static Double toDouble(Object value) {
    if (value == null) return null;
    if (value instanceof Double d) return d;
    return toBigDecimal(value).doubleValue();
  }

  /** true/false, yes/no, y/n, 1/0, on/off (any case). */
  public static Boolean toBoolean(Object value) {
    if (value == null) return null;
    if (value instanceof Boolean b) return b;
    if (value instanceof Number n) {
      BigDecimal d = Values.decimalOrNull(n);
      if (d != null && d.compareTo(BigDecimal.ONE) == 0) return true;
      if (d != null && d.signum() == 0) return false;
    }
    if (value instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1", "on", "t" -> {
          return true;
        }
        case "false", "no", "n", "0", "off", "f" -> {
          return false;
        }
        default -> {}
      }
    }
    throw new IllegalArgumentException(Values.quoted(value) + " is not true or false");
  }

  /** The text form; numbers in plain notation. */
  public static String toText(Object value) {
    return value == null ? null : Values.text(value);
  }

  /** From an ISO date-time (with or without offset; without: UTC), or epoch seconds or milliseconds. */
  public static OffsetDateTime toOffsetDateTime(Object value) {
    return switch (value) {
      case null -> null;
      case OffsetDateTime o -> o;
      case java.time.ZonedDateTime z -> z.toOffsetDateTime();
      case Instant i -> i.atOffset(ZoneOffset.UTC);
      case LocalDateTime l -> l.atOffset(ZoneOffset.UTC);
      case LocalDate d -> d.atStartOfDay().atOffset(ZoneOffset.UTC);
      case Number n -> epoch(n, value).atOffset(ZoneOffset.UTC);
      default -> parseDateTime(Values.text(value).strip(), value);
    };
  }

  public static Instant toInstant(Object value) {
    OffsetDateTime time = toOffsetDateTime(value);
    return time == null ? null : time.toInstant();
  }

  /** From an ISO date; a date-time gives its date as written (no zone shift). */
  public static LocalDate toLocalDate(Object value) {
    return switch (value) {
      case null -> null;
      case LocalDate d -> d;
      case LocalDateTime l -> l.toLocalDate();
      case OffsetDateTime o -> o.toLocalDate();
      case java.time.ZonedDateTime z -> z.toLocalDate();
      case Number n -> epoch(n, value).atOffset(ZoneOffset.UTC).toLocalDate();
      default -> {
        String text = Values.text(value).strip();
        if (text.length() == 10) {
          try {
            yield LocalDate.parse(text);
          } catch (DateTimeException e) {
            throw new IllegalArgumentException(Values.quoted(value) + " is not a date (yyyy-MM-dd)");
          }
        }
        yield toOffsetDateTime(value).toLocalDate();
      }
    };
  }

  private static OffsetDateTime parseDateTime(String text, Object value) {
    if (!text.isEmpty() && isDigits(text)) return epoch(new BigDecimal(text), value).atOffset(ZoneOffset.UTC);
    try {
      if (text.length() == 10) return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
      var parsed = DATE_TIME.parseBest(text, java.time.ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
      return switch (parsed) {
        case java.time.ZonedDateTime z -> z.toOffsetDateTime();
        case OffsetDateTime o -> o;
        case LocalDateTime l -> l.atOffset(ZoneOffset.UTC);
        default -> throw new DateTimeException("unexpected");
      };
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(Values.quoted(value) + " is not a date-time (ISO-8601, e.g. 2026-01-05T10:11:12Z)");
    }
  }

  private static Instant epoch(Number n, Object value) {
    BigDecimal d = toBigDecimal(n);
    boolean millis = d.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0;
    BigDecimal seconds = millis ? d.movePointLeft(3) : d;
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue());
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException(Values.quoted(value) + " is out of range for a date-time");
    }
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
    return true;
  }
}
