package dev.weft.connector;

import java.util.List;
import java.util.Objects;

/**
 * Records read from a source and the checkpoint just after the last of them.
 *
 * @param done true when the source has nothing more for this run
 */
public record Batch(List<SourceRecord> records, Checkpoint after, boolean done) {

  public Batch {
    records = List.copyOf(records);
    Objects.requireNonNull(after, "after");
  }

  public static Batch last(List<SourceRecord> records, Checkpoint after) {
    return new Batch(records, after, true);
  }

  public static Batch more(List<SourceRecord> records, Checkpoint after) {
    return new Batch(records, after, false);
  }
}
