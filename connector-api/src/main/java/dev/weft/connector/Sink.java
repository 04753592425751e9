package dev.weft.connector;

import java.util.List;

/**
 * Writes batches idempotently (upsert by key, or dedupe by message id). When {@link #write}
 * returns, the written records are durable ({@link Commit#PER_BATCH}) or become durable at
 * {@link #finish} ({@link Commit#AT_END}, e.g. a file renamed into place).
 */
public interface Sink extends AutoCloseable {

  enum Commit {
    PER_BATCH,
    AT_END
  }

  default Commit commit() {
    return Commit.PER_BATCH;
  }

  /** Writes the batch; records the target refuses for themselves are returned, not thrown. */
  WriteResult write(List<SinkRecord> batch) throws ConnectorException;

  /**
   * Does ahead the part of writing {@code batch} that needs no target (checking and encoding its
   * records), so that it overlaps the target's work on the batch before. The engine calls it from
   * its reading thread, once per batch and in order, while {@link #write} of an earlier batch may
   * be running; {@link #write} of the same list then uses the work. Only an optimisation: a sink
   * that does nothing here, or a write of a list never prepared, does all of it in {@link #write},
   * and a failure here is left for {@link #write} to meet and report.
   */
  default void prepare(List<SinkRecord> batch) {}

  /** The run read everything: make the writes visible (rename temp files, flush). */
  default void finish() throws ConnectorException {}

  /** Called instead of {@link #finish} when the run failed: discard what is not committed. */
  default void abort() {}

  @Override
  default void close() throws ConnectorException {}
}
