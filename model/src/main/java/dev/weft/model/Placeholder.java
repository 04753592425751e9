package dev.weft.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ${config.X}}, {@code ${secret.X}} or {@code ${env.X}} reference inside a spec string.
 * {@code config} names a declared config option of the customer's instance; {@code secret} a
 * secret the operator stores once; {@code env} an environment variable (development only).
 */
public record Placeholder(Kind kind, String name, int start, int end) {

  public enum Kind {
    CONFIG,
    SECRET,
    ENV
  }

  private static final Pattern PATTERN = Pattern.compile("\\$\\{\\s*([A-Za-z]+)\\.([A-Za-z0-9_.-]+)\\s*}");

  /** Every placeholder in the text; unknown kinds ({@code ${foo.x}}) are returned by {@link #unknownKinds}. */
  public static List<Placeholder> findAll(String text) {
    List<Placeholder> found = new ArrayList<>();
    Matcher m = PATTERN.matcher(text);
    while (m.find()) {
      kindOf(m.group(1)).ifPresent(k -> found.add(new Placeholder(k, m.group(2), m.start(), m.end())));
    }
    return found;
  }

  /** The words before the dot of placeholders that are not config, secret or env. */
  public static List<String> unknownKinds(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PATTERN.matcher(text);
    while (m.find()) if (kindOf(m.group(1)).isEmpty()) found.add(m.group(1));
    return found;
  }

  private static Optional<Kind> kindOf(String word) {
    return switch (word) {
      case "config" -> Optional.of(Kind.CONFIG);
      case "secret" -> Optional.of(Kind.SECRET);
      case "env" -> Optional.of(Kind.ENV);
      default -> Optional.empty();
    };
  }

  /** Replaces every placeholder with what {@code values} gives for it (as text). */
  public static String resolve(String text, Function<Placeholder, String> values) {
    List<Placeholder> all = findAll(text);
    if (all.isEmpty()) return text;
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Placeholder p : all) {
      out.append(text, at, p.start()).append(values.apply(p));
      at = p.end();
    }
    return out.append(text.substring(at)).toString();
  }

  @Override
  public String toString() {
    return "${" + kind.name().toLowerCase(java.util.Locale.ROOT) + "." + name + "}";
  }
}
