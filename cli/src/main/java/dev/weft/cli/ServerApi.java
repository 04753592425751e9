package dev.weft.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REST API of a running {@code weft serve}, for the commands that manage it. */
final class ServerApi {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServerApi(String url, String token) {
    this.base = url.replaceAll("/+$", "");
    this.token = token;
  }

  /** The server could not be reached: exit 2. */
  static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  /** An answer: its status and its JSON body (a map, a list, or null when empty or not JSON). */
  record Answer(int status, Object body) {
    boolean ok() {
      return status / 100 == 2;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
      return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return body instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /**
     * Says why the server refused, for people: per field for 422 ({@code config.shop_key: is
     * required}), the message otherwise, with a hint for a refused token. Returns 1 (refused).
     */
    @SuppressWarnings("unchecked")
    int explain(PrintWriter err, String command) {
      if (status == 422 && map().get("errors") instanceof Map<?, ?> errors) {
        err.println(command + ": refused (422):");
        ((Map<String, Object>) errors).forEach((field, messages) -> {
          if (messages instanceof List<?> list) for (Object m : list) err.println("  " + field + ": " + m);
          else err.println("  " + field + ": " + messages);
        });
        return 1;
      }
      Object why = map().get("error");
      err.println(command + ": " + status + " " + (why != null ? why : body == null ? "" : body));
      if (status == 401) err.println("  give an API token with --token or $WEFT_TOKEN (weft serve prints the admin token on its first start)");
      return 1;
    }
  }

  Answer get(String path) throws Unreachable, InterruptedException {
    return send("GET", path, Optional.empty());
  }

  Answer post(String path, Object body) throws Unreachable, InterruptedException {
    return send("POST", path, Optional.ofNullable(body));
  }

  Answer put(String path, Object body) throws Unreachable, InterruptedException {
    return send("PUT", path, Optional.of(body));
  }

  Answer delete(String path) throws Unreachable, InterruptedException {
    return send("DELETE", path, Optional.empty());
  }

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Answer send(String method, String path, Optional<Object> body) throws Unreachable, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
    try {
      if (body.isPresent()) b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body.get())));
      else b.method(method, HttpRequest.BodyPublishers.noBody());
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Object parsed = null;
      if (!r.body().isBlank()) {
        try {
          parsed = JSON.readValue(r.body(), new TypeReference<Object>() {});
        } catch (IOException notJson) {
          parsed = r.body();
        }
      }
      return new Answer(r.statusCode(), parsed);
    } catch (IOException | IllegalArgumentException e) {
      throw new Unreachable("cannot reach " + base + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "); is weft serve running? Give its URL with --server or $WEFT_URL");
    }
  }
}
