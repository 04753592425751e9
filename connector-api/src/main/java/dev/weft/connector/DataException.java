package dev.weft.connector;

/** One record is wrong: it goes to the dead letters and the run goes on. */
public final class DataException extends ConnectorException {
  public DataException(String userMessage) {
    super(userMessage, userMessage, null);
  }

  public DataException(String userMessage, Throwable cause) {
    super(userMessage, cause == null ? userMessage : userMessage + ": " + cause, cause);
  }

  public DataException(String userMessage, String detail, Throwable cause) {
    super(userMessage, detail, cause);
  }
}
