package dev.weft.server;

/** A request the server will not carry out, with the HTTP status that says why and a message for people. */
public final class Refused extends RuntimeException {
  private final int status;

  public Refused(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
