package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns the measurements of one {@code bench/run} into {@code RESULTS.md} and a chart. Input: a
 * TSV of {@code workload, variant, seconds, rows, peak_rss_kb, ok, p50_ms, p99_ms}, one line per
 * process run, in the interleaved order they ran. A workload whose lines carry latencies (not
 * {@code -}) ran for a fixed time: its rows are the requests answered 2xx, and it is compared by
 * rate rather than by time.
 *
 * <p>{@code Report RESULTS_TSV MACHINE_TXT OUT_MD OUT_PNG}
 */
public final class Report {

  record Measurement(
      String workload, String variant, double seconds, long rows, long rssKb, boolean ok, OptionalDouble p50Ms, OptionalDouble p99Ms) {
    double rate() {
      return rows / seconds;
    }
  }

  /** All runs of one variant of one workload. */
  record Variant(String workload, String name, List<Measurement> runs) {
    double median() {
      return medianOf(runs.stream().map(Measurement::seconds).toList());
    }

    double min() {
      return runs.stream().mapToDouble(Measurement::seconds).min().orElse(0);
    }

    double max() {
      return runs.stream().mapToDouble(Measurement::seconds).max().orElse(0);
    }

    long rows() {
      return runs.get(0).rows();
    }

    /** For a fixed-time workload, the median of the runs' rates. */
    double rowsPerSecond() {
      return timed() ? medianOf(runs.stream().map(Measurement::rate).toList()) : rows() / median();
    }

    boolean timed() {
      return runs.get(0).p50Ms().isPresent();
    }

    double p50Ms() {
      return medianOf(runs.stream().map(m -> m.p50Ms().orElse(0)).toList());
    }

    double p99Ms() {
      return medianOf(runs.stream().map(m -> m.p99Ms().orElse(0)).toList());
    }

    double minRate() {
      return runs.stream().mapToDouble(Measurement::rate).min().orElse(0);
    }

    double maxRate() {
      return runs.stream().mapToDouble(Measurement::rate).max().orElse(0);
    }

    long peakRssMb() {
      return runs.stream().mapToLong(Measurement::rssKb).max().orElse(0) / 1024;
    }

    boolean allOk() {
      return runs.stream().allMatch(Measurement::ok);
    }
  }

  static double medianOf(List<Double> values) {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static OptionalDouble optionalNumber(String[] fields, int index) {
    return index < fields.length && !fields[index].equals("-") && !fields[index].isBlank()
        ? OptionalDouble.of(Double.parseDouble(fields[index]))
        : OptionalDouble.empty();
  }

  public static void main(String[] args) throws IOException {
    List<Measurement> all = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank() || line.startsWith("workload")) continue;
      String[] f = line.split("\t");
      all.add(new Measurement(f[0], f[1], Double.parseDouble(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f[5].equals("ok"),
          optionalNumber(f, 6), optionalNumber(f, 7)));
    }
    Map<String, List<Variant>> byWorkload = new LinkedHashMap<>();
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (Measurement m : all) {
      variants.computeIfAbsent(m.workload() + "\u0000" + m.variant(), k -> {
        Variant v = new Variant(m.workload(), m.variant(), new ArrayList<>());
        byWorkload.computeIfAbsent(m.workload(), w -> new ArrayList<>()).add(v);
        return v;
      }).runs().add(m);
    }
    String machine = Files.readString(Path.of(args[1]));
    Files.writeString(Path.of(args[2]), markdown(machine, byWorkload, args[3]));
    Chart.write(byWorkload, Path.of(args[3]));
  }

  static String markdown(String machine, Map<String, List<Variant>> byWorkload, String chartPath) {
    StringBuilder md = new StringBuilder("# Weft benchmark results\n\n");
    md.append("Written by `bench/run`; rerun it to refresh. Each variant ran as its own process, the variants ")
        .append("interleaved (A B C A B C ...). Wall time from process start to exit; peak RSS of that process ")
        .append("(`/usr/bin/time`; for `psql` variants that is the client, the server's memory is not counted). ")
        .append("Ratios compare medians with the first variant of each table (the reference). Webhook tables ran ")
        .append("for a fixed time: they count 2xx answers per second and compare rates; their RSS is the server's.\n\n");
    md.append("```\n").append(machine.strip()).append("\n```\n\n");
    md.append("![rows per second](").append(Path.of(chartPath).getFileName()).append(")\n\n");
    for (var entry : byWorkload.entrySet()) {
      List<Variant> vs = entry.getValue();
      Variant ref = vs.get(0);
      md.append("## ").append(entry.getKey()).append("\n\n");
      if (ref.timed()) {
        md.append("| variant | runs | 2xx answers/s (median) | min – max | p50 | p99 | peak RSS | rate vs ").append(ref.name())
            .append(" | every 2xx answer committed |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Variant v : vs) {
          md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f – %,.0f | %.1f ms | %.1f ms | %d MB | %.2f× | %s |%n",
              v.name(), v.runs().size(), v.rowsPerSecond(), v.minRate(), v.maxRate(), v.p50Ms(), v.p99Ms(), v.peakRssMb(),
              v.rowsPerSecond() / ref.rowsPerSecond(), v.allOk() ? "yes" : "**no**"));
        }
        md.append('\n');
        continue;
      }

      md.append("| variant | runs | median wall | min – max | rows/s | peak RSS | time vs ").append(ref.name()).append(" | all rows landed |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (Variant v : vs) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.2f s | %.2f – %.2f s | %,.0f | %d MB | %.2f× | %s |%n",
            v.name(), v.runs().size(), v.median(), v.min(), v.max(), v.rowsPerSecond(), v.peakRssMb(),
            v.median() / ref.median(), v.allOk() ? "yes" : "**no**"));
      }
      md.append('\n');
    }
    return md.toString();
  }
}
