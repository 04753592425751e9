package dev.weft.server;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves {@code ${config.X}}, {@code ${secret.X}} and {@code ${env.X}} in one value (a webhook's signing secret). */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(config|secret|env)\\.([A-Za-z0-9_.-]+)}");

  private Placeholders() {}

  /** Empty when a placeholder has no value. */
  static Optional<String> resolve(String text, Function<String, Optional<String>> config, Function<String, Optional<String>> secret,
      Function<String, Optional<String>> env) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Optional<String> value = switch (m.group(1)) {
        case "config" -> config.apply(m.group(2));
        case "secret" -> secret.apply(m.group(2));
        default -> env.apply(m.group(2));
      };
      if (value.isEmpty()) return Optional.empty();
      m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }
}
