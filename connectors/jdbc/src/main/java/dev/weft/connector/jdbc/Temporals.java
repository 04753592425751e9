package dev.weft.connector.jdbc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 text for dates and times, always with seconds. A timestamp without a zone is taken as
 * UTC, both when read (it is shown with {@code Z}) and when written.
 */
final class Temporals {

  private static final DateTimeFormatter LOCAL_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter();

  private static final DateTimeFormatter OFFSET_DATE_TIME =
      new DateTimeFormatterBuilder().append(LOCAL_DATE_TIME).appendOffsetId().toFormatter();

  private Temporals() {}

  static String format(TemporalAccessor value) {
    return switch (value) {
      case OffsetDateTime t -> OFFSET_DATE_TIME.format(t);
      case LocalDateTime t -> OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
      case LocalDate d -> DateTimeFormatter.ISO_LOCAL_DATE.format(d);
      case LocalTime t -> DateTimeFormatter.ISO_LOCAL_TIME.format(t);
      default -> value.toString();
    };
  }

  /** An instant from ISO text with an offset, or a local date-time (UTC), or a date (midnight UTC). */
  static OffsetDateTime parseDateTime(String text) {
    String t = text.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') t = t.substring(0, 10) + 'T' + t.substring(11);
    try {
      return OffsetDateTime.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      if (t.length() <= 10) return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
      try {
        return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e2) {
        // offsets written "+0100" or "+01"
        return OffsetDateTime.parse(t, new DateTimeFormatterBuilder().append(LOCAL_DATE_TIME).appendPattern("[XXX][XX][X]").toFormatter());
      }
    }
  }

  static LocalDate parseDate(String text) {
    String t = text.trim();
    return t.length() == 10 ? LocalDate.parse(t) : parseDateTime(t).toLocalDate();
  }
}
