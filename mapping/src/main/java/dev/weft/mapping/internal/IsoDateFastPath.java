package dev.weft.mapping.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the one shape most records carry — {@code yyyy-MM-dd}, optionally followed by
 * {@code THH:mm[:ss[.fraction]]} and {@code Z} or {@code ±HH:MM} — by fixed positions, several times
 * faster than a {@link java.time.format.DateTimeFormatter} with optional sections. Anything else
 * gives null, and the caller falls back to java.time's parsers (which also word the errors).
 */
final class IsoDateFastPath {
  private IsoDateFastPath() {}

  static TemporalAccessor parse(String s) {
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if ((year | month | day) < 0) return null;
    try {
      LocalDate date = LocalDate.of(year, month, day);
      if (n == 10) return date;
      char t = s.charAt(10);
      if ((t != 'T' && t != 't' && t != ' ') || n < 16 || s.charAt(13) != ':') return null;
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = 0;
      int nano = 0;
      int i = 16;
      if (i < n && s.charAt(i) == ':') {
        second = digits(s, 17, 2);
        i = 19;
        if (i < n && s.charAt(i) == '.') {
          int start = ++i;
          while (i < n && i - start < 9 && isDigit(s.charAt(i))) nano = nano * 10 + (s.charAt(i++) - '0');
          if (i == start) return null;
          for (int k = i - start; k < 9; k++) nano *= 10;
        }
      }
      if ((hour | minute | second) < 0) return null;
      LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nano));
      if (i == n) return local;
      ZoneOffset offset = offset(s, i);
      return offset == null ? null : OffsetDateTime.of(local, offset);
    } catch (DateTimeException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    if ((c == 'Z' || c == 'z') && i + 1 == n) return ZoneOffset.UTC;
    if (c != '+' && c != '-') return null;
    int sign = c == '-' ? -1 : 1;
    int hours = digits(s, i + 1, 2);
    int minutes = 0;
    int rest = n - (i + 3);
    if (rest == 3 && s.charAt(i + 3) == ':') minutes = digits(s, i + 4, 2);
    else if (rest == 2) minutes = digits(s, i + 3, 2);
    else if (rest != 0) return null;
    if ((hours | minutes) < 0) return null;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /** The number in {@code count} digits at {@code at}, or -1. */
  private static int digits(String s, int at, int count) {
    if (at + count > s.length()) return -1;
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
