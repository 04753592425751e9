package dev.weft.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads, without writing, what a flow's target holds for the records a run would write: for
 * {@code weft plan}. Opened by {@link Connector#openPreview} for the same target a sink would
 * write; the answer has one {@link Preview} per record, at the same index.
 */
public interface TargetPreview extends AutoCloseable {

  /** Every record is appended: what file and broker targets answer. */
  TargetPreview APPENDS = batch -> {
    List<Preview> all = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) all.add(new Preview.Append());
    return all;
  };

  List<Preview> preview(List<SinkRecord> batch) throws ConnectorException;

  @Override
  default void close() throws ConnectorException {}
}
