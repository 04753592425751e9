package dev.weft.connector.http;

import java.util.List;
import java.util.Map;

/**
 * What an API said about a refused request, in its own words: the usual message fields of a JSON
 * error body ({@code message}, {@code error}, {@code detail}, {@code title}, {@code errors}), or
 * else the start of the body.
 */
final class ApiMessage {
  private static final List<String> FIELDS = List.of("message", "error_description", "error", "detail", "title", "errors");

  private ApiMessage() {}

  static String of(ApiResponse response, BodyFormat json) {
    try {
      Map<String, Object> tree = json.read(response.body(), true).tree();
      for (String field : FIELDS) {
        Object value = tree.get(field);
        if (value instanceof String text && !text.isBlank()) return text.strip();
        if (value instanceof Map<?, ?> nested && nested.get("message") instanceof String text) return text.strip();
        if (value instanceof List<?> list && !list.isEmpty()) return String.valueOf(list);
      }
    } catch (dev.weft.connector.SystemException | RuntimeException notJson) {
      // not a JSON object: the body's own start says it best
    }
    String excerpt = response.excerpt();
    return excerpt.isEmpty() ? "no message" : excerpt;
  }
}
