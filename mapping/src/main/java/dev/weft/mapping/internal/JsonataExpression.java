package dev.weft.mapping.internal;

import com.dashjoin.jsonata.Jsonata;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A JSONata expression parsed once. A {@link Jsonata} object keeps per-evaluation state in its
 * fields (input, timestamp, errors), so each evaluation borrows one from a small lock-free pool;
 * a new one is parsed only when every pooled one is busy on another thread.
 *
 * <p>In a map row {@code $} is the row's value and {@code $$} the whole record: JSONata binds
 * {@code $$} to its input, so {@code $$} is rewritten to a variable bound to the record.
 */
public final class JsonataExpression {
  private static final String RECORD_VARIABLE = "__weft_record";

  private final String source;
  private final String text;
  private final boolean bindsRecord;
  private final ConcurrentLinkedQueue<Jsonata> pool = new ConcurrentLinkedQueue<>();
  private final Optional<ValueShortcut> shortcut;

  private JsonataExpression(String source, String text, Jsonata first, Optional<ValueShortcut> shortcut) {
    this.source = source;
    this.text = text;
    this.bindsRecord = !text.equals(source);
    this.shortcut = shortcut;
    pool.offer(first);
  }

  /** Either the compiled expression or JSONata's message for a syntax error. */
  public record Parsed(Optional<JsonataExpression> expression, Optional<String> error) {}

  /** For a filter: {@code $} and {@code $$} are both the record. */
  public static Parsed parseOnRecord(String source) {
    return parse(source, source, false);
  }

  /** For a map row: {@code $} is the row's value, {@code $$} the record. */
  public static Parsed parseOnValue(String source) {
    return parse(source, rewriteRoot(source), true);
  }

  private static Parsed parse(String source, String text, boolean onValue) {
    if (source == null || source.isBlank()) return new Parsed(Optional.empty(), Optional.of("empty expression"));
    try {
      return new Parsed(Optional.of(new JsonataExpression(source, text, Jsonata.jsonata(text), onValue ? ValueShortcut.of(source) : Optional.empty())), Optional.empty());
    } catch (RuntimeException e) {
      return new Parsed(Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
    }
  }

  public String source() {
    return source;
  }

  /** Evaluates on {@code input} with {@code $config}; the result as a plain JSON-like value. */
  public Object evaluate(Object input, Map<String, Object> record, Map<String, Object> config) throws RowFailure {
    if (shortcut.isPresent()) {
      Object value = shortcut.get().apply(input);
      if (value != ValueShortcut.NOT_HANDLED) return value;
    }
    Jsonata jsonata = pool.poll();
    if (jsonata == null) jsonata = Jsonata.jsonata(text);
    try {
      Jsonata.Frame frame = jsonata.createFrame();
      frame.bind("config", config);
      if (bindsRecord) frame.bind(RECORD_VARIABLE, record);
      return plain(jsonata.evaluate(input, frame));
    } catch (RuntimeException | StackOverflowError e) {
      throw new RowFailure("expression '" + source + "' failed" + because(e, input));
    } finally {
      pool.offer(jsonata);
    }
  }

  /** JSONata lets some Java exceptions through; say what they mean instead of Java's words. */
  private static String because(Throwable e, Object input) {
    if (e instanceof NumberFormatException) return ": " + Values.quoted(input) + " is not a number";
    if (e instanceof StackOverflowError) return ": it recursed too deeply";
    String message = e.getMessage();
    return message == null || message.isBlank() ? " (" + e.getClass().getSimpleName() + ")" : ": " + message;
  }

  /** JSONata's own list and number types become ArrayList, Long and BigDecimal. */
  static Object plain(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) return null;
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) return d;
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d.doubleValue();
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Float f) return plain(f.doubleValue());
    if (value instanceof Integer i) return i.longValue();
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) out.put(String.valueOf(e.getKey()), plain(e.getValue()));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(plain(item));
      return out;
    }
    return value;
  }

  /** Replaces {@code $$} outside strings, quoted names and comments by the record variable. */
  static String rewriteRoot(String source) {
    if (source == null || !source.contains("$$")) return source;
    StringBuilder out = new StringBuilder(source.length() + 16);
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int end = i + 1;
        while (end < n && source.charAt(end) != c) end += source.charAt(end) == '\\' && c != '`' ? 2 : 1;
        end = Math.min(end + 1, n);
        out.append(source, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(source, i, end);
        i = end;
      } else if (c == '$' && i + 1 < n && source.charAt(i + 1) == '$') {
        out.append('$').append(RECORD_VARIABLE);
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
