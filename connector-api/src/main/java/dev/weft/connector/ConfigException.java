package dev.weft.connector;

/** The spec or its config cannot work against this system: stop the run. */
public final class ConfigException extends ConnectorException {
  public ConfigException(String userMessage) {
    super(userMessage, userMessage, null);
  }

  public ConfigException(String userMessage, Throwable cause) {
    super(userMessage, cause == null ? userMessage : userMessage + ": " + cause, cause);
  }

  public ConfigException(String userMessage, String detail, Throwable cause) {
    super(userMessage, detail, cause);
  }
}
