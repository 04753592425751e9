package dev.weft.mapping.internal;

/** A row could not map one record's value; the message says why in the user's words. Cheap: no stack trace. */
public final class RowFailure extends Exception {
  public RowFailure(String message) {
    super(message, null, false, false);
  }
}
