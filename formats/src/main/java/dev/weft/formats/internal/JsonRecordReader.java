package dev.weft.formats.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.formats.FormatException;
import dev.weft.formats.MalformedDocumentException;
import dev.weft.formats.RecordReader;
import dev.weft.model.RecordPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the records of a JSON document: the elements of the array at {@code records} (or of a
 * top-level array), or the single object found there. Only the current record is in memory.
 */
public final class JsonRecordReader implements RecordReader {
  private final JsonParser parser;
  private final InputStream in;
  private final List<RecordPath.Step> path;
  private State state = State.START;
  private long read;

  private enum State { START, IN_ARRAY, SINGLE, DONE }

  public JsonRecordReader(InputStream in, Optional<String> records) throws IOException {
    this.in = in;
    this.parser = JsonTrees.FACTORY.createParser(in);
    this.path = records.map(r -> RecordPath.of(r).steps()).orElse(List.of());
  }

  @Override
  public Optional<Map<String, Object>> next() throws IOException, FormatException {
    try {
      return advance();
    } catch (JsonProcessingException e) {
      state = State.DONE;
      throw new MalformedDocumentException("malformed JSON near record " + Math.max(1, read) + ": " + e.getOriginalMessage() + " at " + e.getLocation().offsetDescription(), e);
    }
  }

  private Optional<Map<String, Object>> advance() throws IOException, FormatException {
    if (state == State.START) state = locate();
    switch (state) {
      case SINGLE -> {
        state = State.DONE;
        return Optional.of(record());
      }
      case IN_ARRAY -> {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
          state = State.DONE;
          return Optional.empty();
        }
        return Optional.of(record());
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Map<String, Object> record() throws IOException, FormatException {
    read++;
    Object value = JsonTrees.value(parser);
    if (value instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }
    throw new FormatException(read, "is not a JSON object but " + JsonTrees.toJson(value), Optional.of(JsonTrees.toJson(value)));
  }

  /** Walks the path; leaves the parser on the records array's START_ARRAY or the single object. */
  private State locate() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) return State.DONE;
    for (RecordPath.Step step : path) {
      boolean found =
          switch (step) {
            case RecordPath.Field f -> enterField(f.name());
            case RecordPath.Index x -> enterIndex(x.index());
          };
      if (!found) return State.DONE;
    }
    return switch (parser.currentToken()) {
      case START_ARRAY -> State.IN_ARRAY;
      case START_OBJECT -> State.SINGLE;
      default -> State.DONE;
    };
  }

  private boolean enterField(String name) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) return false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals(name)) return true;
      parser.skipChildren();
    }
    return false;
  }

  private boolean enterIndex(int index) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) return false;
    for (int i = 0; ; i++) {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY || t == null) return false;
      if (i == index) return true;
      parser.skipChildren();
    }
  }

  @Override
  public long recordsRead() {
    return read;
  }

  @Override
  public void close() throws IOException {
    try (in) {
      parser.close();
    }
  }
}
