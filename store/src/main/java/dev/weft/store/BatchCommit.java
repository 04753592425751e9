package dev.weft.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one committed batch changes in the store.
 *
 * @param checkpoint the source's token after the batch; empty when the batch must not move it
 *     (a sink that commits only at the end of the run)
 */
public record BatchCommit(
    String runId, String instance, String flow, Optional<String> checkpoint, List<NewDeadLetter> deadLetters, Counts counts) {

  public BatchCommit {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(checkpoint, "checkpoint");
    deadLetters = List.copyOf(deadLetters);
    Objects.requireNonNull(counts, "counts");
  }
}
