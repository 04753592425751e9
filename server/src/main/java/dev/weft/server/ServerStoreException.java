package dev.weft.server;

/** The server's tables could not be read or written. */
public final class ServerStoreException extends RuntimeException {
  public ServerStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
