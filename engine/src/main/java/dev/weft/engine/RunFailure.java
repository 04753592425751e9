package dev.weft.engine;

import java.util.Objects;

/**
 * Why a run failed: {@code userMessage} is for people (the spec's {@code errors.message} when it
 * has one), {@code detail} for engineers. Neither holds a secret.
 */
public record RunFailure(String userMessage, String detail) {
  public RunFailure {
    Objects.requireNonNull(userMessage, "userMessage");
    Objects.requireNonNull(detail, "detail");
  }
}
