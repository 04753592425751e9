package dev.weft.engine;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.DataException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.WriteResult;
import dev.weft.store.NewDeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a mapped batch through the sink, retrying transient failures. Records the target refuses
 * follow {@code invalid_records}. When the sink refuses the whole batch with a {@link
 * DataException}, the batch is written record by record to find the ones at fault.
 */
final class BatchWriter {
  private final Sink sink;
  private final Retries retries;
  private final BatchMapper policy;

  BatchWriter(Sink sink, Retries retries, BatchMapper policy) {
    this.sink = sink;
    this.retries = retries;
    this.policy = policy;
  }

  record Written(long written, List<NewDeadLetter> deadLetters, long skipped) {}

  Written write(MappedBatch batch) throws ConnectorException, InterruptedException, FlowFailed {
    if (batch.toWrite().isEmpty()) return new Written(0, List.of(), 0);
    List<NewDeadLetter> deadLetters = new ArrayList<>();
    long skipped = 0;
    long written;
    try {
      WriteResult result = retries.call(() -> sink.write(batch.toWrite()));
      written = result.written();
      for (WriteResult.Rejected rejected : result.rejected()) {
        if (refused(batch, rejected.index(), rejected.reason(), deadLetters)) skipped++;
      }
    } catch (DataException wholeBatch) {
      written = 0;
      for (int i = 0; i < batch.toWrite().size(); i++) {
        SinkRecord one = batch.toWrite().get(i);
        try {
          WriteResult result = retries.call(() -> sink.write(List.of(one)));
          written += result.written();
          for (WriteResult.Rejected rejected : result.rejected())
            if (refused(batch, i, rejected.reason(), deadLetters)) skipped++;
        } catch (DataException e) {
          if (refused(batch, i, e.userMessage(), deadLetters)) skipped++;
        }
      }
    }
    return new Written(written, deadLetters, skipped);
  }

  private boolean refused(MappedBatch batch, int index, String reason, List<NewDeadLetter> into) throws FlowFailed {
    SourceRecord source = new SourceRecord(batch.sourceOfEach().get(index), batch.positionOfEach().get(index));
    return policy.invalid(source, "target", "target: " + reason, Optional.of(batch.toWrite().get(index).value()), into);
  }
}
