package dev.weft.model;

import java.util.Objects;

/**
 * An HTTP method and a path relative to the system's URL, written {@code GET /orders?status=any}
 * or {@code PUT /contacts/{{external_id}}}. The path may hold {@code {{field}}} templates.
 */
public record Endpoint(String method, String path) {

  public Endpoint {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
