package dev.weft.connector.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** JSON text to and from plain trees (maps, lists, strings, numbers, booleans, null). */
final class JsonText {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonText() {}

  static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Optional<Object> read(String text) {
    try {
      return Optional.ofNullable(MAPPER.readValue(text, Object.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
