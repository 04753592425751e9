package dev.weft.engine;

import dev.weft.store.SideCounts;
import java.util.List;

/**
 * What a two-way sync run did on each side, and the conflicts it settled.
 *
 * @param conflictNotes the first conflicts in words, e.g. {@code a 17 / b 4: newest: ...; b's version is kept}
 */
public record SyncSummary(SideCounts a, SideCounts b, long conflicts, List<String> conflictNotes) {
  public SyncSummary {
    conflictNotes = List.copyOf(conflictNotes);
  }

  public long written() {
    return a.written() + b.written();
  }
}
