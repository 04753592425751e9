package dev.weft.cli;

import dev.weft.engine.RunResult;
import dev.weft.store.Counts;
import java.util.ArrayList;
import java.util.List;

/** A run's end in one paragraph of words. */
final class RunSummary {
  private RunSummary() {}

  static String of(RunResult r) {
    if (r.sync().isPresent()) return SyncRunSummary.of(r, r.sync().get());
    Counts c = r.counts();
    double seconds = r.elapsed().toNanos() / 1e9;
    long rate = seconds > 0 ? Math.round(c.read() / seconds) : c.read();
    StringBuilder s = new StringBuilder();
    if (r.succeeded() && c.read() == 0) {
      s.append("Nothing new to read from ").append(r.source()).append(" (").append(Words.seconds(r.elapsed())).append(").");
      s.append(" The next run resumes where the last one ended.");
      return s.toString();
    }
    s.append(r.succeeded() ? "Read " : "The run failed after reading ").append(Words.records(c.read()))
        .append(" from ").append(r.source()).append(" in ").append(Words.seconds(r.elapsed()))
        .append(" (").append(Words.count(rate)).append("/s): ").append(Words.count(c.written())).append(" written to ")
        .append(r.target());
    List<String> more = new ArrayList<>();
    if (c.deadLettered() > 0) more.add(Words.count(c.deadLettered()) + " dead-lettered");
    if (c.filtered() > 0) more.add(Words.count(c.filtered()) + " filtered");
    if (c.skipped() > 0) more.add(Words.count(c.skipped()) + " skipped as invalid");
    for (String m : more) s.append(", ").append(m);
    s.append(".");
    if (!r.succeeded()) {
      s.append(" ").append(r.failure().map(f -> f.userMessage()).orElse("")).append(r.failure().map(f -> f.userMessage().endsWith(".") ? "" : ".").orElse(""));
      s.append(r.checkpointStored() ? " The checkpoint stays after " + r.lastPosition().orElse("the last committed batch") + "; the next run resumes from there."
          : " The next run resumes from the last stored checkpoint.");
    } else if (r.checkpointStored()) {
      s.append(" Checkpoint stored; the next run resumes after ").append(r.lastPosition().orElse("this one")).append(".");
    }
    if (c.deadLettered() > 0) s.append(" See the dead letters with `weft dlq list`.");
    return s.toString();
  }
}
