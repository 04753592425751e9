package dev.weft.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A record to keep as a dead letter.
 *
 * @param step where it failed: {@code source}, {@code map} or {@code target}
 * @param reason in words, naming the step and row, e.g. {@code map[3] (convert lb -> kg): 'ten' is not a number}
 * @param sourceRecord the record as read (a JSON-like tree)
 */
public record NewDeadLetter(
    String position, String step, String reason, Map<String, Object> sourceRecord, Optional<Map<String, Object>> mappedRecord) {

  public NewDeadLetter {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(sourceRecord, "sourceRecord");
    Objects.requireNonNull(mappedRecord, "mappedRecord");
  }
}
