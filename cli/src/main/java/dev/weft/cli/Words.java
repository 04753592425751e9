package dev.weft.cli;

import java.time.Duration;
import java.util.Locale;

/** Numbers and durations as people read them: 12,345 records, 0.8 s, 2 min 5 s, 1:02:03. */
final class Words {
  private Words() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    if (s < 10) return String.format(Locale.ROOT, "%.1f s", s);
    if (s < 60) return String.format(Locale.ROOT, "%d s", Math.round(s));
    long whole = Math.round(s);
    return whole / 60 + " min " + whole % 60 + " s";
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  static String records(long n) {
    return count(n) + (n == 1 ? " record" : " records");
  }
}
