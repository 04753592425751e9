package dev.weft.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A stored dead letter. */
public record DeadLetter(
    long id,
    String runId,
    String instance,
    String flow,
    String position,
    String step,
    String reason,
    Map<String, Object> sourceRecord,
    Optional<Map<String, Object>> mappedRecord,
    Instant createdAt,
    Optional<Instant> replayedAt) {

  public boolean replayed() {
    return replayedAt.isPresent();
  }
}
