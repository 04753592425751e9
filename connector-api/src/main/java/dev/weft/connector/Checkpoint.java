package dev.weft.connector;

import java.util.Objects;

/**
 * An opaque position in a source (a cursor, a page token, a file and offset), as text so that any
 * store can keep it. Only the source that made it reads it.
 */
public record Checkpoint(String token) {

  public static final Checkpoint START = new Checkpoint("");

  public Checkpoint {
    Objects.requireNonNull(token, "token");
  }

  public boolean isStart() {
    return token.isEmpty();
  }
}
