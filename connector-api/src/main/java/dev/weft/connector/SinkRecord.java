package dev.weft.connector;

import java.util.Map;
import java.util.Objects;

/**
 * A mapped record to write, with a stable id (flow + source position) that a sink uses to drop
 * repeats where it has no key (broker message ids, API idempotency keys).
 */
public record SinkRecord(Map<String, Object> value, String id) {
  public SinkRecord {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(id, "id");
  }
}
