package dev.weft.server;

import java.util.List;
import java.util.Map;

/** A request with field errors: answered 422 with {@code {"errors": {"field": ["message"]}}}. */
public final class Invalid extends RuntimeException {
  private final Map<String, List<String>> errors;

  public Invalid(Map<String, List<String>> errors) {
    super("invalid: " + errors.keySet());
    this.errors = Map.copyOf(errors);
  }

  public static Invalid of(String field, String message) {
    return new Invalid(Map.of(field, List.of(message)));
  }

  public Map<String, List<String>> errors() {
    return errors;
  }
}
