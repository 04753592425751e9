package dev.weft.connector.jdbc;

/** One record cannot be written, for a reason that names the field; the batch goes on. */
final class RecordRejected extends Exception {
  RecordRejected(String reason) {
    super(reason, null, false, false);
  }
}
