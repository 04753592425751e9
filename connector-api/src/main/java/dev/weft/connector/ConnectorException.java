package dev.weft.connector;

/**
 * The one error family of connectors. {@code userMessage} is for people (it may be shown to a
 * customer); {@code getMessage()} carries the detail for engineers. Never put a secret in either.
 */
public abstract sealed class ConnectorException extends Exception
    permits TransientException, DataException, ConfigException, SystemException {

  private final String userMessage;

  protected ConnectorException(String userMessage, String detail, Throwable cause) {
    super(detail, cause);
    this.userMessage = userMessage;
  }

  public String userMessage() {
    return userMessage;
  }
}
