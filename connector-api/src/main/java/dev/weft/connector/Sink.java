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

  /** The run read everything: make the writes visible (rename temp files, flush). */
  default void finish() throws ConnectorException {}

  /** Called instead of {@link #finish} when the run failed: discard what is not committed. */
  default void abort() {}

  @Override
  default void close() throws ConnectorException {}
}
