package dev.weft.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one committed page of a sync run changes in the store, stored in one transaction.
 *
 * @param pairs pairs to store (new, or with new hashes)
 * @param forget side-a ids whose pairs end (both records deleted)
 * @param a increments of side a's counts in this run
 * @param checkpoint both sides' watermarks; present only in the run's last commit
 */
public record SyncCommit(
    String runId,
    String instance,
    String flow,
    List<IdPair> pairs,
    List<String> forget,
    List<NewConflict> conflicts,
    List<NewDeadLetter> deadLetters,
    SideCounts a,
    SideCounts b,
    Optional<String> checkpoint) {

  public SyncCommit {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(flow, "flow");
    pairs = List.copyOf(pairs);
    forget = List.copyOf(forget);
    conflicts = List.copyOf(conflicts);
    deadLetters = List.copyOf(deadLetters);
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /** The run's counters: read on both sides, written to both, dead-lettered on both. */
  Counts counts() {
    return new Counts(a.read() + b.read(), a.written() + b.written(), a.deadLettered() + b.deadLettered(), 0, 0);
  }
}
