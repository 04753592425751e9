package dev.weft.connector;

/** Something else broke: stop the run, resume from the checkpoint next time. */
public final class SystemException extends ConnectorException {
  public SystemException(String userMessage) {
    super(userMessage, userMessage, null);
  }

  public SystemException(String userMessage, Throwable cause) {
    super(userMessage, cause == null ? userMessage : userMessage + ": " + cause, cause);
  }

  public SystemException(String userMessage, String detail, Throwable cause) {
    super(userMessage, detail, cause);
  }
}
