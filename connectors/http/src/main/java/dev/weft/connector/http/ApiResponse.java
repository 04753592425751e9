package dev.weft.connector.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * A response read whole: the status, the headers and the body bytes.
 *
 * @param uri what was asked for, without credentials
 * @param sent the request as sent, with credentials: never log it
 */
record ApiResponse(URI uri, int status, HttpHeaders headers, byte[] body, HttpRequest sent) {

  private static final int EXCERPT = 200;

  /** Status and path only: {@code sent} holds the credentials, and its URI may hold an API key. */
  @Override
  public String toString() {
    return "ApiResponse[" + status + " " + uri.getRawPath() + "]";
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Worth another attempt: a timeout, too many requests, or a server error. */
  boolean retryable() {
    return status == 408 || status == 429 || status >= 500;
  }

  boolean refused() {
    return status == 401 || status == 403;
  }

  /** The start of the body on one line, for a rejected record's reason. */
  String excerpt() {
    String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8);
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
  }
}
