package dev.weft.mapping.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Optional;

/**
 * {@code do: date}: reads a date or time (ISO-8601 and common forms, epoch seconds or millis, or
 * the {@code parse} pattern), moves it to {@code zone} (local inputs are read in that zone, else in
 * UTC), and writes it with {@code format} or as ISO-8601: an offset date-time, or a date when the
 * input was a date.
 */
public final class DateTransform implements Transform {

  /** ISO date, optional time after 'T' or ' ', optional offset or 'Z', optional [zone]. */
  private static final DateTimeFormatter ISO_LIKE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart().appendLiteral(' ').optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart().appendLiteral(' ').optionalEnd()
          .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
          .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
          .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
          .optionalEnd()
          .toFormatter();

  /** dd/MM/yyyy with an optional time. */
  private static final DateTimeFormatter DAY_FIRST =
      new DateTimeFormatterBuilder()
          .appendPattern("dd/MM/")
          .appendValue(ChronoField.YEAR, 4)
          .optionalStart().appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
          .toFormatter();

  private final Optional<DateTimeFormatter> parse;
  private final Optional<String> parsePattern;
  private final Optional<ZoneId> zone;
  private final Optional<DateTimeFormatter> format;

  private DateTransform(
      Optional<DateTimeFormatter> parse, Optional<String> parsePattern, Optional<ZoneId> zone, Optional<DateTimeFormatter> format) {
    this.parse = parse;
    this.parsePattern = parsePattern;
    this.zone = zone;
    this.format = format;
  }

  /** The transform, or the problem with a pattern or zone: key ({@code parse}, {@code zone}, {@code format}) and message. */
  public static Result compile(Optional<String> parse, Optional<String> zone, Optional<String> format) {
    Optional<DateTimeFormatter> in = Optional.empty();
    Optional<ZoneId> z = Optional.empty();
    Optional<DateTimeFormatter> out = Optional.empty();
    if (parse.isPresent()) {
      try {
        in = Optional.of(DateTimeFormatter.ofPattern(parse.get()));
      } catch (IllegalArgumentException e) {
        return Result.problem("parse", "invalid date pattern '" + parse.get() + "': " + e.getMessage());
      }
    }
    if (zone.isPresent()) {
      try {
        z = Optional.of(ZoneId.of(zone.get()));
      } catch (DateTimeException e) {
        return Result.problem("zone", "unknown time zone '" + zone.get() + "' (use a region such as Europe/Berlin, or UTC)");
      }
    }
    if (format.isPresent()) {
      try {
        out = Optional.of(DateTimeFormatter.ofPattern(format.get()));
      } catch (IllegalArgumentException e) {
        return Result.problem("format", "invalid date pattern '" + format.get() + "': " + e.getMessage());
      }
    }
    return new Result(Optional.of(new DateTransform(in, parse, z, out)), Optional.empty(), Optional.empty());
  }

  public record Result(Optional<DateTransform> transform, Optional<String> key, Optional<String> message) {
    static Result problem(String key, String message) {
      return new Result(Optional.empty(), Optional.of(key), Optional.of(message));
    }
  }

  @Override
  public Object apply(Object value, Map<String, Object> record, Map<String, Object> config) throws RowFailure {
    if (value == null) return null;
    TemporalAccessor read = read(value);
    try {
      if (read instanceof LocalDate date) return format.map(f -> f.format(date)).orElseGet(date::toString);
      ZonedDateTime moved = switch (read) {
        case ZonedDateTime z -> zone.map(z::withZoneSameInstant).orElse(z);
        case OffsetDateTime o -> zone.map(o::atZoneSameInstant).orElseGet(o::toZonedDateTime);
        case LocalDateTime l -> l.atZone(zone.orElse(ZoneOffset.UTC));
        case Instant i -> i.atZone(zone.orElse(ZoneOffset.UTC));
        default -> throw new RowFailure("cannot read " + Values.quoted(value) + " as a date");
      };
      return format.isPresent() ? format.get().format(moved) : isoText(moved.toOffsetDateTime());
    } catch (DateTimeException e) {
      throw new RowFailure("cannot format " + Values.quoted(value) + ": " + e.getMessage());
    }
  }

  /** What ISO_OFFSET_DATE_TIME prints (seconds always), without a formatter's cost. */
  static String isoText(OffsetDateTime time) {
    String local = time.toLocalDateTime().toString();
    String offset = time.getOffset().getId();
    return local.length() == 16 ? local + ":00" + offset : local + offset;
  }

  private TemporalAccessor read(Object value) throws RowFailure {
    if (value instanceof Number n) return epoch(n, value);
    if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof LocalDateTime
        || value instanceof LocalDate || value instanceof Instant) return (TemporalAccessor) value;
    String text = Values.text(value).strip();
    try {
      if (parse.isPresent()) return best(parse.get(), text);
      if (isDigits(text) && text.length() >= 9) return epoch(new BigDecimal(text), value);
      if (text.length() >= 10 && text.charAt(2) == '/') return best(DAY_FIRST, text);
      if (!text.isEmpty() && Character.isLetter(text.charAt(0)))
        return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      if (text.length() == 8 && isDigits(text)) return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
      TemporalAccessor fast = IsoDateFastPath.parse(text);
      return fast != null ? fast : best(ISO_LIKE, text);
    } catch (DateTimeException e) {
      String expected = parsePattern.map(p -> "the pattern '" + p + "'").orElse("a date or date-time (ISO-8601, yyyy-MM-dd HH:mm:ss, dd/MM/yyyy or epoch seconds)");
      throw new RowFailure(Values.quoted(value) + " does not match " + expected);
    }
  }

  private static TemporalAccessor best(DateTimeFormatter formatter, String text) {
    return formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
  }

  /** Epoch seconds, or milliseconds when the number is too large to be seconds (after the year 5138). */
  private static Instant epoch(Number n, Object value) throws RowFailure {
    BigDecimal d = Values.decimalOrNull(n);
    if (d == null) throw new RowFailure(Values.quoted(value) + " is not a date");
    boolean millis = d.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0;
    BigDecimal seconds = millis ? d.movePointLeft(3) : d;
    try {
      BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
      long nanos = seconds.subtract(whole).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | DateTimeException e) {
      throw new RowFailure(Values.quoted(value) + " is out of range for a date");
    }
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty()) return false;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
    return true;
  }
}
