package dev.weft.connector;

/**
 * Reads records in batches, each batch ending with the checkpoint that resumes right after it.
 * The engine stores that checkpoint only once the sink has committed the batch, then calls
 * {@link #committed} so the source may acknowledge (broker acks, archiving a finished file).
 */
public interface Source extends AutoCloseable {

  /**
   * Reads the next batch of at most {@code maxRecords}, starting after {@code from} (or at the
   * beginning for {@link Checkpoint#START}). Never null: an empty batch with {@code done} means
   * the source is exhausted for this run.
   */
  Batch read(Checkpoint from, int maxRecords) throws ConnectorException;

  /** The batch ending at {@code checkpoint} has been committed by the sink and stored. */
  default void committed(Checkpoint checkpoint) throws ConnectorException {}

  @Override
  default void close() throws ConnectorException {}
}
