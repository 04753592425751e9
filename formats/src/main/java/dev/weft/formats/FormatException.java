package dev.weft.formats;

import java.util.Optional;

/**
 * One malformed record (an unparsable CSV row, an NDJSON line that is not a JSON object): the
 * reader has consumed it and can continue with the next one.
 */
public final class FormatException extends Exception {
  private final long recordNumber;
  private final transient Optional<String> raw;

  /**
   * @param recordNumber the 1-based number of the malformed record among all records read
   * @param reason what is wrong, without the record number (e.g. {@code unterminated quote})
   * @param raw the raw text of the record when the format can give it
   */
  public FormatException(long recordNumber, String reason, Optional<String> raw) {
    super("row " + recordNumber + ": " + reason);
    this.recordNumber = recordNumber;
    this.raw = raw;
  }

  public FormatException(long recordNumber, String reason, Optional<String> raw, Throwable cause) {
    this(recordNumber, reason, raw);
    initCause(cause);
  }

  public long recordNumber() {
    return recordNumber;
  }

  /** The record's raw text (for CSV: its first physical line), when available. */
  public Optional<String> raw() {
    return raw;
  }
}
