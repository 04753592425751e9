package dev.weft.connector;

/**
 * A failure that may pass: retry it (connection refused, timeout, 429, 5xx, lost connection). A
 * connector that already retried as the flow's {@code errors.retry} says raises it
 * {@link #afterRetries}, so that the engine does not retry again (attempts would multiply).
 */
public final class TransientException extends ConnectorException {
  private final boolean retried;

  public TransientException(String userMessage) {
    this(userMessage, userMessage, null, false);
  }

  public TransientException(String userMessage, Throwable cause) {
    this(userMessage, cause == null ? userMessage : userMessage + ": " + cause, cause, false);
  }

  public TransientException(String userMessage, String detail, Throwable cause) {
    this(userMessage, detail, cause, false);
  }

  private TransientException(String userMessage, String detail, Throwable cause, boolean retried) {
    super(userMessage, detail, cause);
    this.retried = retried;
  }

  /** The connector has already spent the flow's retries on this failure. */
  public static TransientException afterRetries(String userMessage, String detail, Throwable cause) {
    return new TransientException(userMessage, detail, cause, true);
  }

  public boolean retriesSpent() {
    return retried;
  }
}
