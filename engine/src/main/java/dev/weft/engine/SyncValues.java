package dev.weft.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a two-way sync compares values: the canonical form of a record's view (keys sorted, numbers
 * by value, dates as ISO-8601 text, {@code 5} the same as {@code "5"}), its hash, field equality,
 * record ids as text, and the order of updated-at values of either side.
 */
final class SyncValues {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private SyncValues() {}

  /** The SHA-256 (first 128 bits, hex) of the canonical JSON of a view. */
  static String hash(Map<String, Object> view) {
    return hashOf(canonicalJson(view));
  }

  /** The SHA-256 (first 128 bits, hex) of a view's canonical JSON. */
  static String hashOf(String canonicalJson) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a record", e);
    }
  }

  /** A view as canonical JSON: keys sorted, numbers by value, everything but maps and lists as text, nulls left out. */
  static String canonicalJson(Map<String, Object> view) {
    try {
      return JSON.writeValueAsString(canonical(view));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a record as JSON", e);
    }
  }

  /** A view stored as canonical JSON, read back (its values compare with {@link #same}). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String canonicalJson) {
    try {
      return JSON.readValue(canonicalJson, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored view is not JSON", e);
    }
  }

  /** Null and absent fields are left out, so a field set to null equals a field never set. */
  static Object canonical(Object value) {
    return switch (value) {
      case null -> null;
      case Map<?, ?> m -> {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> {
          Object c = canonical(v);
          if (c != null) out.put(String.valueOf(k), c);
        });
        yield out;
      }
      case List<?> l -> {
        List<Object> out = new ArrayList<>(l.size());
        for (Object v : l) out.add(canonical(v));
        yield out;
      }
      case Boolean b -> b.toString();
      case Number n -> number(n);
      case String s -> s;
      case java.sql.Timestamp t -> t.toLocalDateTime().toString();
      case java.sql.Date d -> d.toLocalDate().toString();
      case java.util.Date d -> d.toInstant().toString();
      case TemporalAccessor t -> t.toString();
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      default -> value.toString();
    };
  }

  private static String number(Number n) {
    try {
      BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return n.toString(); // NaN, Infinity
    }
  }

  /** True when two field values are the same under the canonical form. */
  static boolean same(Object a, Object b) {
    return Objects.equals(canonical(a), canonical(b));
  }

  /** A record id as text: numbers without a trailing {@code .0}. Empty when the record has none. */
  static Optional<String> id(Object value) {
    if (value == null) return Optional.empty();
    String text = value instanceof Number n ? number(n) : value.toString();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** A match rule's key: trimmed and lower-cased; empty for null or blank. */
  static Optional<String> matchKey(Object value) {
    if (value == null) return Optional.empty();
    Object c = canonical(value);
    String text = c instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : String.valueOf(c);
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** An updated-at value as the text a record set reads back as {@code since}. */
  static String watermarkText(Object value) {
    Object c = canonical(value);
    return c instanceof String s ? s : String.valueOf(c);
  }

  /**
   * Orders updated-at values of either side: as instants when both read as dates and times (a
   * date-time without offset is taken as UTC), as numbers when both are numbers, else as text.
   */
  static int compareUpdated(Object x, Object y) {
    Optional<Instant> ix = instant(x);
    Optional<Instant> iy = instant(y);
    if (ix.isPresent() && iy.isPresent()) return ix.get().compareTo(iy.get());
    Optional<BigDecimal> nx = decimal(x);
    Optional<BigDecimal> ny = decimal(y);
    if (nx.isPresent() && ny.isPresent()) return nx.get().compareTo(ny.get());
    return watermarkText(x).compareTo(watermarkText(y));
  }

  static Optional<Instant> instant(Object value) {
    return switch (value) {
      case null -> Optional.empty();
      case Instant i -> Optional.of(i);
      case OffsetDateTime o -> Optional.of(o.toInstant());
      case ZonedDateTime z -> Optional.of(z.toInstant());
      case LocalDateTime l -> Optional.of(l.toInstant(ZoneOffset.UTC));
      case LocalDate d -> Optional.of(d.atStartOfDay().toInstant(ZoneOffset.UTC));
      case java.sql.Timestamp t -> Optional.of(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
      case java.util.Date d -> Optional.of(d.toInstant());
      case String s -> parseInstant(s.trim());
      default -> Optional.empty();
    };
  }

  private static Optional<Instant> parseInstant(String s) {
    if (s.length() < 10 || !Character.isDigit(s.charAt(0))) return Optional.empty();
    String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e) {
      // no offset, or a date only
    }
    try {
      return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // a date only
    }
    try {
      return Optional.of(LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<BigDecimal> decimal(Object value) {
    if (value instanceof Number n) return Optional.of(new BigDecimal(number(n)));
    if (value instanceof String s) {
      try {
        return Optional.of(new BigDecimal(s.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
