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
          .toFormatter()
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private static final DateTimeFormatter OFFSET_DATE_TIME =
      new DateTimeFormatterBuilder().append(LOCAL_DATE_TIME).appendOffsetId().toFormatter();

  private Temporals() {}

  static String format(TemporalAccessor value) {
    return switch (value) {
      case OffsetDateTime t -> append(new StringBuilder(32), t).toString();
      case LocalDateTime t -> append(new StringBuilder(32), t.atOffset(ZoneOffset.UTC)).toString();
      case LocalDate d -> DateTimeFormatter.ISO_LOCAL_DATE.format(d);
      case LocalTime t -> DateTimeFormatter.ISO_LOCAL_TIME.format(t);
      default -> value.toString();
    };
  }

  /**
   * Appends ISO-8601 text ({@code 2026-01-02T03:04:05.123+01:00}, {@code Z} for UTC), written out
   * by hand: this runs once per value of a million-row load, where a formatter costs too much.
   */
  static StringBuilder append(StringBuilder out, OffsetDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) return out.append(OFFSET_DATE_TIME.format(t));
    digits(out, year, 4).append('-');
    digits(out, t.getMonthValue(), 2).append('-');
    digits(out, t.getDayOfMonth(), 2).append('T');
    digits(out, t.getHour(), 2).append(':');
    digits(out, t.getMinute(), 2).append(':');
    digits(out, t.getSecond(), 2);
    int nano = t.getNano();
    if (nano != 0) {
      out.append('.');
      int width = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        width--;
      }
      digits(out, nano, width);
    }
    return out.append(t.getOffset().getId());
  }

  private static StringBuilder digits(StringBuilder out, int value, int width) {
    if (width == 2 && value < 100) return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) out.append('0');
    return out.append(text);
  }

  /** An instant from ISO text with an offset, or a local date-time (UTC), or a date (midnight UTC). */
  static OffsetDateTime parseDateTime(String text) {
    OffsetDateTime fast = FastIso.parse(text);
    if (fast != null) return fast;
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
        return OffsetDateTime.parse(t, new DateTimeFormatterBuilder().append(LOCAL_DATE_TIME).appendPattern("[XXX][XX][X]").toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT));
      }
    }
  }

  static LocalDate parseDate(String text) {
    String t = text.trim();
    return t.length() == 10 ? LocalDate.parse(t) : parseDateTime(t).toLocalDate();
  }

  /** The common shapes of ISO-8601 date-times, parsed without a formatter; null when not one of them. */
  static final class FastIso {
    private FastIso() {}

    static OffsetDateTime parse(String s) {
      int n = s.length();
      if (n < 16 || !digitsAt(s, 0, 4) || s.charAt(4) != '-' || !digitsAt(s, 5, 2) || s.charAt(7) != '-'
          || !digitsAt(s, 8, 2) || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || !digitsAt(s, 11, 2)
          || s.charAt(13) != ':' || !digitsAt(s, 14, 2)) return null;
      int second = 0;
      int nano = 0;
      int i = 16;
      if (i < n && s.charAt(i) == ':') {
        if (!digitsAt(s, i + 1, 2)) return null;
        second = number(s, i + 1, 2);
        i += 3;
        if (i < n && s.charAt(i) == '.') {
          int start = ++i;
          while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) i++;
          if (i == start || (i < n && Character.isDigit(s.charAt(i)))) return null;
          nano = number(s, start, i - start);
          for (int k = i - start; k < 9; k++) nano *= 10;
        }
      }
      ZoneOffset offset;
      if (i == n) offset = ZoneOffset.UTC; // no zone: UTC, as documented
      else if (s.charAt(i) == 'Z' && i + 1 == n) offset = ZoneOffset.UTC;
      else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && n - i == 6 && digitsAt(s, i + 1, 2) && s.charAt(i + 3) == ':'
          && digitsAt(s, i + 4, 2)) {
        int sign = s.charAt(i) == '-' ? -1 : 1;
        try {
          offset = ZoneOffset.ofHoursMinutes(sign * number(s, i + 1, 2), sign * number(s, i + 4, 2));
        } catch (java.time.DateTimeException e) {
          return null;
        }
      } else return null;
      try {
        return OffsetDateTime.of(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2), number(s, 11, 2), number(s, 14, 2),
            second, nano, offset);
      } catch (java.time.DateTimeException e) {
        return null; // let the formatter say what is wrong
      }
    }

    private static boolean digitsAt(String s, int from, int count) {
      if (from + count > s.length()) return false;
      for (int i = from; i < from + count; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
      return true;
    }

    private static int number(String s, int from, int count) {
      int v = 0;
      for (int i = from; i < from + count; i++) v = v * 10 + (s.charAt(i) - '0');
      return v;
    }
  }
}
