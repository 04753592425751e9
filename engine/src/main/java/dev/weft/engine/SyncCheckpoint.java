package dev.weft.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a sync flow's next run reads from on each side: the highest updated-at value seen there,
 * stored as {@code {"a": "...", "b": "..."}} once every write of a run committed.
 */
record SyncCheckpoint(Optional<String> a, Optional<String> b) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final SyncCheckpoint NONE = new SyncCheckpoint(Optional.empty(), Optional.empty());

  /** A token that is not a sync checkpoint (the flow was one-way before) counts as none. */
  static SyncCheckpoint parse(Optional<String> token) {
    if (token.isEmpty()) return NONE;
    try {
      JsonNode node = JSON.readTree(token.get());
      if (node == null || !node.isObject()) return NONE;
      return new SyncCheckpoint(text(node.get("a")), text(node.get("b")));
    } catch (JsonProcessingException e) {
      return NONE;
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  /** This checkpoint moved to what a run saw; a side that read nothing keeps its value. */
  SyncCheckpoint after(Optional<Object> seenA, Optional<Object> seenB) {
    return new SyncCheckpoint(seenA.map(SyncValues::watermarkText).or(() -> a), seenB.map(SyncValues::watermarkText).or(() -> b));
  }

  String token() {
    Map<String, String> out = new LinkedHashMap<>();
    a.ifPresent(v -> out.put("a", v));
    b.ifPresent(v -> out.put("b", v));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
