package dev.weft.mapping.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small conversions between the value kinds of a JSON-like record. */
public final class Values {
  private Values() {}

  /** Numeric strings beyond 10^±400 are refused: rounding them would build enormous integers. */
  private static final int MAX_SCALE = 400;

  /** The text form of a scalar: numbers in plain notation, without a trailing {@code .0}. */
  public static String text(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case Double d -> doubleText(d);
      case Float f -> doubleText(f.doubleValue());
      default -> value.toString();
    };
  }

  private static String doubleText(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return BigDecimal.valueOf(d).toPlainString();
  }

  /** A value as a decimal number, accepting numeric strings; null when it is not one. */
  public static BigDecimal decimalOrNull(Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      case BigInteger b -> new BigDecimal(b);
      case Double d -> Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
      case Float f -> Float.isFinite(f) ? BigDecimal.valueOf(f.doubleValue()) : null;
      case String s -> parseDecimal(s);
      case null, default -> null;
    };
  }

  private static BigDecimal parseDecimal(String s) {
    String t = s.strip();
    if (t.isEmpty() || t.length() > 400) return null;
    int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    boolean digits = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') digits = true;
      else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') return null;
    }
    if (!digits) return null;
    try {
      BigDecimal d = new BigDecimal(t);
      return Math.abs(d.scale()) > MAX_SCALE || d.precision() - d.scale() > MAX_SCALE ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A value as reasons quote it: strings in single quotes, numbers plain, objects and lists by kind. */
  public static String quoted(Object value) {
    if (value instanceof String s) return "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
    if (value instanceof Map<?, ?>) return "an object";
    if (value instanceof List<?>) return "a list";
    return text(value);
  }

  /** A deep copy of maps and lists (scalars are immutable and shared), so outputs never alias inputs. */
  @SuppressWarnings("unchecked")
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> e : map.entrySet()) out.put(String.valueOf(e.getKey()), copy(e.getValue()));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(copy(item));
      return out;
    }
    return value;
  }

  /** Compares two values, numbers by value (4.536 equals 4.5360, and "10" equals 10), maps and lists deeply. */
  public static boolean sameValue(Object expected, Object actual) {
    if (expected == null || actual == null) return expected == actual;
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (e.size() != a.size()) return false;
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        if (!a.containsKey(entry.getKey()) || !sameValue(entry.getValue(), a.get(entry.getKey()))) return false;
      }
      return true;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) return false;
      for (int i = 0; i < e.size(); i++) if (!sameValue(e.get(i), a.get(i))) return false;
      return true;
    }
    if (expected instanceof Number || actual instanceof Number) {
      BigDecimal e = decimalOrNull(expected);
      BigDecimal a = decimalOrNull(actual);
      return e != null && a != null && e.compareTo(a) == 0;
    }
    if (expected instanceof Boolean || actual instanceof Boolean) return text(expected).equals(text(actual));
    return expected.equals(actual);
  }
}
