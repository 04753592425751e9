package dev.weft.connector.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a JSON-like value into what a column takes: numeric text into numbers, ISO text into
 * dates and timestamps, "true"/"false" into booleans, maps and lists into JSON text. A value that
 * does not fit is refused with a reason naming the column.
 */
final class ValueCoercer {

  private ValueCoercer() {}

  static Object coerce(Column column, Object value) throws RecordRejected {
    return coerce(column, column.name(), value);
  }

  /** {@code field} names the value in messages, as the record spells it. */
  static Object coerce(Column column, String field, Object value) throws RecordRejected {
    if (value == null) return null;
    try {
      if (column.isBoolean()) return bool(value);
      return switch (column.jdbcType()) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> integer(value);
        case Types.NUMERIC, Types.DECIMAL -> decimal(value);
        case Types.REAL, Types.FLOAT, Types.DOUBLE -> decimal(value).doubleValue();
        case Types.BIT, Types.BOOLEAN -> bool(value);
        case Types.DATE -> date(value);
        case Types.TIME, Types.TIME_WITH_TIMEZONE -> time(value);
        case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(column, value);
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> bytes(value);
        default -> other(column, field, value);
      };
    } catch (ArithmeticException | java.time.DateTimeException | IllegalArgumentException e) {
      throw new RecordRejected(
          "value " + shown(value) + " of " + field + " does not fit its column type " + column.typeName());
    }
  }

  private static Object integer(Object value) {
    return switch (value) {
      case Long l -> l;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case BigInteger b -> b.longValueExact();
      case Boolean b -> b ? 1L : 0L;
      case Number n -> decimal(n).longValueExact();
      case String s -> new BigDecimal(s.trim()).longValueExact();
      default -> throw new IllegalArgumentException("not a number");
    };
  }

  private static BigDecimal decimal(Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case BigInteger b -> new BigDecimal(b);
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> new BigDecimal(f.toString());
      case Number n -> new BigDecimal(n.toString());
      case String s -> new BigDecimal(s.trim());
      default -> throw new IllegalArgumentException("not a number");
    };
  }

  private static Boolean bool(Object value) {
    return switch (value) {
      case Boolean b -> b;
      case Number n when n.doubleValue() == 0 -> false;
      case Number n when n.doubleValue() == 1 -> true;
      case String s ->
          switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
          };
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static LocalDate date(Object value) {
    return switch (value) {
      case LocalDate d -> d;
      case String s -> Temporals.parseDate(s);
      default -> throw new IllegalArgumentException("not a date");
    };
  }

  private static LocalTime time(Object value) {
    if (value instanceof String s) return LocalTime.parse(s.trim());
    throw new IllegalArgumentException("not a time");
  }

  private static Object timestamp(Column column, Object value) {
    OffsetDateTime instant =
        switch (value) {
          case OffsetDateTime t -> t;
          case LocalDateTime t -> t.atOffset(ZoneOffset.UTC);
          case String s -> Temporals.parseDateTime(s);
          default -> throw new IllegalArgumentException("not a timestamp");
        };
    return column.hasTimeZone() ? instant : instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private static byte[] bytes(Object value) {
    return switch (value) {
      case byte[] b -> b;
      case String s -> Base64.getDecoder().decode(s.trim());
      default -> throw new IllegalArgumentException("not base64");
    };
  }

  private static Object other(Column column, String field, Object value) throws RecordRejected {
    if (column.isJson()) return json(value);
    if (column.isUuid()) return UUID.fromString(value.toString().trim());
    String text =
        switch (value) {
          case String s -> s;
          case BigDecimal d -> d.toPlainString();
          case Map<?, ?> m -> JsonText.write(m);
          case List<?> l -> JsonText.write(l);
          default -> value.toString();
        };
    if (text.indexOf('\0') >= 0) throw new RecordRejected(field + " holds a NUL character, which text columns refuse");
    if (column.size() > 0 && text.codePointCount(0, text.length()) > column.size())
      throw new RecordRejected(
          "value of " + field + " is too long: " + text.codePointCount(0, text.length())
              + " characters, the column takes " + column.size());
    return text;
  }

  /** JSON text; text that already is JSON (an object or array) is kept, other text becomes a JSON string. */
  private static String json(Object value) {
    if (value instanceof String s) {
      String t = s.trim();
      if ((t.startsWith("{") || t.startsWith("[")) && JsonText.read(t).isPresent()) return t;
    }
    return JsonText.write(value);
  }

  static String shown(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }
}
