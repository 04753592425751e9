package dev.weft.connector.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.SystemException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a read of an API stands, kept in the checkpoint as a small JSON text, e.g. {@code
 * {"at":"7","skip":1000,"since":"2026-11-01T00:00:00Z","max":"2026-11-27T10:00:00Z"}}.
 *
 * @param at the page to fetch: its number, offset, cursor or URL (empty: the first page)
 * @param skip records of that page already read (a page larger than a batch)
 * @param since the incremental value this run sends (the previous run's {@code max})
 * @param max the largest incremental value read so far
 * @param done the read reached the last page: the next run starts again from the first page,
 *     sending {@code max}
 */
record ReadState(Optional<String> at, int skip, Optional<Object> since, Optional<Object> max, boolean done) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final ReadState START = new ReadState(Optional.empty(), 0, Optional.empty(), Optional.empty(), false);

  static ReadState of(Checkpoint checkpoint) throws SystemException {
    if (checkpoint.isStart()) return START;
    try {
      Map<?, ?> fields = JSON.readValue(checkpoint.token(), Map.class);
      return new ReadState(
          Optional.ofNullable(fields.get("at")).map(String::valueOf),
          fields.get("skip") instanceof Number n ? n.intValue() : 0,
          Optional.ofNullable(fields.get("since")),
          Optional.ofNullable(fields.get("max")),
          Boolean.TRUE.equals(fields.get("done")));
    } catch (IOException | ClassCastException e) {
      throw new SystemException("the checkpoint of this API source is not one it wrote", e);
    }
  }

  Checkpoint checkpoint() {
    Map<String, Object> fields = new LinkedHashMap<>();
    at.ifPresent(a -> fields.put("at", a));
    if (skip > 0) fields.put("skip", skip);
    since.ifPresent(s -> fields.put("since", s));
    max.ifPresent(m -> fields.put("max", m));
    if (done) fields.put("done", true);
    try {
      return new Checkpoint(JSON.writeValueAsString(fields));
    } catch (IOException e) {
      throw new IllegalStateException("a checkpoint of plain values cannot fail to serialise", e);
    }
  }

  /** The state a new run starts from after this one finished: the first page, since the max seen. */
  ReadState nextRun() {
    return new ReadState(Optional.empty(), 0, max.or(() -> since), max.or(() -> since), false);
  }

  ReadState at(Optional<String> page, int skipped, Optional<Object> newMax) {
    return new ReadState(page, skipped, since, newMax, false);
  }

  ReadState finished(Optional<Object> newMax) {
    return new ReadState(Optional.empty(), 0, since, newMax, true);
  }

  /** True when the two name the same page request (so a buffered page can serve both). */
  boolean samePage(ReadState other) {
    return at.equals(other.at) && since.equals(other.since);
  }
}
