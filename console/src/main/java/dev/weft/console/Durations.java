package dev.weft.console;

import java.time.Duration;
import java.time.Instant;

/** Durations and moments in short words for tables. */
public final class Durations {
  private Durations() {}

  public static String words(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0 && s > 0) return plural(s / 86400, "day");
    if (s % 3600 == 0 && s > 0) return plural(s / 3600, "hour");
    if (s % 60 == 0 && s > 0) return plural(s / 60, "minute");
    if (s > 0) return plural(s, "second");
    return d.toMillis() + " ms";
  }

  /** How long a run took, or has been going. */
  public static String between(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    if (d.toMillis() < 1000) return d.toMillis() + " ms";
    if (d.toSeconds() < 120) return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    return d.toMinutes() + " min " + d.toSecondsPart() + " s";
  }

  /** A moment as people read it: UTC, to the second. */
  public static String at(Instant i) {
    return i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", " UTC");
  }

  private static String plural(long n, String unit) {
    return n == 1 ? unit : n + " " + unit + "s";
  }
}
