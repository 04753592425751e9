package dev.weft.engine;

import dev.weft.connector.Batch;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SourceRecord;
import dev.weft.mapping.Outcome;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.ErrorPolicy.InvalidRecords;
import dev.weft.store.Counts;
import dev.weft.store.NewDeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the records of a read batch. A record the source could not parse (its value holds {@code
 * _weft_error}) and a record the mapping finds invalid follow {@code invalid_records}: dead-letter,
 * skip, or fail the run.
 */
final class BatchMapper {
  static final String SOURCE_ERROR = "_weft_error";

  private final String flowId;
  private final RecordMapping mapping;
  private final Map<String, Object> config;
  private final InvalidRecords policy;
  private final FailureMessage failureMessage;
  private final Redactor redactor;

  BatchMapper(
      String flowId, RecordMapping mapping, Map<String, Object> config, InvalidRecords policy, FailureMessage failureMessage,
      Redactor redactor) {
    this.redactor = redactor;
    this.flowId = flowId;
    this.mapping = mapping;
    this.config = config;
    this.policy = policy;
    this.failureMessage = failureMessage;
  }

  MappedBatch map(Batch batch) throws FlowFailed {
    int n = batch.records().size();
    List<SinkRecord> toWrite = new ArrayList<>(n);
    List<Map<String, Object>> sources = new ArrayList<>(n);
    List<String> positions = new ArrayList<>(n);
    List<NewDeadLetter> deadLetters = new ArrayList<>();
    long filtered = 0;
    long skipped = 0;
    for (SourceRecord record : batch.records()) {
      Map<String, Object> value = record.value();
      Object sourceError = value.get(SOURCE_ERROR);
      if (sourceError != null) {
        if (invalid(record, "source", "source: " + sourceError, Optional.empty(), deadLetters)) skipped++;
        continue;
      }
      switch (mapping.apply(value, config)) {
        case Outcome.Mapped mapped -> {
          toWrite.add(new SinkRecord(mapped.value(), flowId + ":" + record.position()));
          sources.add(value);
          positions.add(record.position());
        }
        case Outcome.Filtered f -> filtered++;
        case Outcome.Invalid invalid -> {
          if (invalid(record, "map", invalid.reason(), Optional.empty(), deadLetters)) skipped++;
        }
      }
    }
    Optional<String> last = n == 0 ? Optional.empty() : Optional.of(batch.records().get(n - 1).position());
    Counts counts = new Counts(n, 0, deadLetters.size(), filtered, skipped);
    return new MappedBatch(toWrite, sources, positions, deadLetters, counts, batch.after(), last, batch.done());
  }

  /** Applies the policy to one invalid record; true when it was skipped. */
  boolean invalid(SourceRecord record, String step, String reason, Optional<Map<String, Object>> mapped, List<NewDeadLetter> into)
      throws FlowFailed {
    return switch (policy) {
      case DEAD_LETTER -> {
        into.add(new NewDeadLetter(record.position(), step, redactor.redact(reason), record.value(), mapped));
        yield false;
      }
      case SKIP -> true;
      case FAIL -> throw new FlowFailed(
          failureMessage.of(record.position() + ": " + reason, "invalid record at " + record.position() + " (" + step + "): " + reason,
              mapped.orElse(record.value())),
          null);
    };
  }
}
