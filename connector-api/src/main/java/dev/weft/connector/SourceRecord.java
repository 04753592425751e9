package dev.weft.connector;

import java.util.Map;
import java.util.Objects;

/**
 * A record as read: a JSON-like tree (maps, lists, strings, numbers, booleans, null) and where it
 * came from, e.g. {@code orders-1.csv:1042} or {@code page=7#3}. The position names the record in
 * dead letters and makes stable message ids (flow + position).
 */
public record SourceRecord(Map<String, Object> value, String position) {
  public SourceRecord {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(position, "position");
  }
}
