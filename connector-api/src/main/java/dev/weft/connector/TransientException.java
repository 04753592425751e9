package dev.weft.connector;

/** A failure that may pass: retry it (connection refused, timeout, 429, 5xx, lost connection). */
public final class TransientException extends ConnectorException {
  public TransientException(String userMessage) {
    super(userMessage, userMessage, null);
  }

  public TransientException(String userMessage, Throwable cause) {
    super(userMessage, cause == null ? userMessage : userMessage + ": " + cause, cause);
  }

  public TransientException(String userMessage, String detail, Throwable cause) {
    super(userMessage, detail, cause);
  }
}
