package dev.weft.engine;

import dev.weft.store.Counts;
import dev.weft.store.RunStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param source the source in words, e.g. {@code drop}
 * @param target the target in words, e.g. {@code orders_db.orders}
 * @param lastPosition the position of the last record of the last committed batch, e.g. {@code orders.csv:2000}
 * @param checkpointStored true when the run stored where the next run resumes
 * @param sync for a two-way sync flow, what the run did on each side ({@code source} is side a,
 *     {@code target} side b); empty for a one-way flow
 */
public record RunResult(
    String runId,
    RunStatus status,
    Counts counts,
    Duration elapsed,
    String source,
    String target,
    Optional<String> lastPosition,
    boolean checkpointStored,
    Optional<RunFailure> failure,
    Optional<SyncSummary> sync) {

  /** The result of a one-way run. */
  public RunResult(
      String runId, RunStatus status, Counts counts, Duration elapsed, String source, String target, Optional<String> lastPosition,
      boolean checkpointStored, Optional<RunFailure> failure) {
    this(runId, status, counts, elapsed, source, target, lastPosition, checkpointStored, failure, Optional.empty());
  }

  public boolean succeeded() {
    return status == RunStatus.SUCCEEDED;
  }
}
