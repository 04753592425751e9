package dev.weft.spec.internal.bind;

import dev.weft.model.Endpoint;
import dev.weft.model.SystemDef.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers of the small value languages of the spec: durations, schedules, endpoints, rates, units. */
public final class Values {
  private Values() {}

  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");
  private static final Pattern EVERY =
      Pattern.compile("every\\s+(?:([0-9]{1,6})\\s*)?(minutes?|hours?|days?|m|h|d)");
  private static final Pattern RATE = Pattern.compile("([0-9]{1,9})/(s|m)");
  private static final Pattern UNITS = Pattern.compile("\\s*(\\S.*?)\\s*->\\s*(\\S.*?)\\s*");

  public static Optional<Duration> duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) return Optional.empty();
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    });
  }

  /** {@code every 15 minutes}, {@code every 2h}, {@code every day}; empty when not that form or zero. */
  public static Optional<Duration> every(String text) {
    Matcher m = EVERY.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) return Optional.empty();
    long n = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
    if (n == 0) return Optional.empty();
    return Optional.of(switch (m.group(2).charAt(0)) {
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    });
  }

  public static Optional<RateLimit> rate(String text) {
    Matcher m = RATE.matcher(text.strip());
    if (!m.matches()) return Optional.empty();
    int n = Integer.parseInt(m.group(1));
    return Optional.of(new RateLimit(n, m.group(2).equals("s") ? Duration.ofSeconds(1) : Duration.ofMinutes(1)));
  }

  /** {@code METHOD /path}; empty when the text is not that form (see {@link #endpointProblem}). */
  public static Optional<Endpoint> endpoint(String text) {
    return endpointProblem(text).isPresent() ? Optional.empty() : Optional.of(split(text));
  }

  /** What is wrong with an endpoint text, if anything. */
  public static Optional<String> endpointProblem(String text) {
    String t = text.strip();
    int space = t.indexOf(' ');
    if (t.startsWith("/")) {
      return Optional.of("endpoint '" + t + "' needs a method: write 'GET " + t + "' (one of " + String.join(" ", METHODS) + ")");
    }
    if (space < 0) return Optional.of("endpoint '" + t + "' is not 'METHOD /path'");
    String method = t.substring(0, space);
    String path = t.substring(space + 1).strip();
    if (!METHODS.contains(method)) {
      String hint = METHODS.contains(method.toUpperCase(Locale.ROOT)) ? " (write it in capitals: '" + method.toUpperCase(Locale.ROOT) + "')" : "";
      return Optional.of("unknown HTTP method '" + method + "' in endpoint '" + t + "': use one of " + String.join(" ", METHODS) + hint);
    }
    if (!path.startsWith("/")) return Optional.of("the path of endpoint '" + t + "' must start with '/'");
    if (path.contains(" ")) return Optional.of("the path of endpoint '" + t + "' must not contain spaces");
    return Optional.empty();
  }

  private static Endpoint split(String text) {
    String t = text.strip();
    int space = t.indexOf(' ');
    return new Endpoint(t.substring(0, space), t.substring(space + 1).strip());
  }

  /** {@code lb -> kg} as its two units. */
  public static Optional<String[]> units(String text) {
    Matcher m = UNITS.matcher(text);
    if (!m.matches()) return Optional.empty();
    return Optional.of(new String[] {m.group(1), m.group(2)});
  }
}
