package dev.weft.engine;

/**
 * A run cannot start: the flow is unknown or not one-way, a placeholder has no value, no connector
 * serves a system. The message names what is missing, never a secret's value.
 */
public final class RunStartException extends Exception {
  public RunStartException(String message) {
    super(message);
  }

  public RunStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
