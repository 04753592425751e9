package dev.weft.cli;

import dev.weft.engine.RunResult;
import dev.weft.engine.SyncSummary;
import dev.weft.store.SideCounts;
import java.util.ArrayList;
import java.util.List;

/** A two-way sync run's end in words: what it read and changed on each side, and its conflicts. */
final class SyncRunSummary {
  private SyncRunSummary() {}

  static String of(RunResult r, SyncSummary s) {
    StringBuilder out = new StringBuilder();
    out.append(r.succeeded() ? "Synced " : "The sync failed: ").append(r.source()).append(" <-> ").append(r.target())
        .append(" in ").append(Words.seconds(r.elapsed())).append(".");
    out.append(" ").append(side(s.a())).append(" ").append(side(s.b()));
    if (s.conflicts() == 0) out.append(" No conflicts.");
    else {
      out.append(" ").append(Words.count(s.conflicts())).append(s.conflicts() == 1 ? " conflict" : " conflicts")
          .append(" (both sides changed the same record): ").append(String.join("; ", s.conflictNotes()));
      if (s.conflictNotes().size() < s.conflicts()) out.append("; and ").append(s.conflicts() - s.conflictNotes().size()).append(" more");
      out.append(".");
    }
    if (!r.succeeded()) {
      String why = r.failure().map(f -> f.userMessage()).orElse("");
      out.append(" ").append(why).append(why.endsWith(".") ? "" : ".");
      out.append(" What was written is paired; the next run reads both sides again from where the last successful run ended.");
    } else if (s.written() == 0 && s.a().deadLettered() + s.b().deadLettered() == 0) {
      out.append(" Both sides were already in step.");
    }
    if (s.a().deadLettered() + s.b().deadLettered() > 0) out.append(" See the dead letters with `weft dlq list`.");
    return out.toString();
  }

  /** {@code crm /contacts: 12 read; 1 created, 3 updated, 8 unchanged.} */
  private static String side(SideCounts c) {
    List<String> done = new ArrayList<>();
    if (c.created() > 0) done.add(Words.count(c.created()) + " created");
    if (c.updated() > 0) done.add(Words.count(c.updated()) + " updated");
    if (c.deleted() > 0) done.add(Words.count(c.deleted()) + " deleted");
    if (done.isEmpty()) done.add("nothing written");
    done.add(Words.count(c.unchanged()) + " unchanged");
    if (c.deadLettered() > 0) done.add(Words.count(c.deadLettered()) + " dead-lettered");
    return c.side() + ": " + Words.records(c.read()) + " read; " + String.join(", ", done) + ".";
  }
}
