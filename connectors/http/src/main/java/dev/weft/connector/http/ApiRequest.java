package dev.weft.connector.http;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request before authentication: credentials are added at each attempt, so that a refreshed
 * token is used on a retry and no secret is ever kept in a URL that a checkpoint or log could hold.
 */
record ApiRequest(String method, URI uri, Map<String, String> headers, Optional<Body> body) {

  ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  record Body(byte[] bytes, String contentType) {}

  static ApiRequest get(URI uri) {
    return new ApiRequest("GET", uri, Map.of(), Optional.empty());
  }

  /** What may be logged: the method and the path, never the query (it may carry an API key). */
  String describe() {
    return method + " " + uri.getRawPath();
  }
}
