package dev.weft.formats;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads records one at a time from a stream, holding at most one record (and a read buffer) in
 * memory. Records are JSON-like trees: maps, lists, strings, numbers (Long, BigInteger,
 * BigDecimal), booleans and null.
 */
public interface RecordReader extends AutoCloseable {

  /**
   * The next record, or empty at the end.
   *
   * @throws FormatException for one malformed record; the reader has skipped it and the next
   *     call continues with the record after it
   * @throws IOException when the stream fails or the document as a whole is unreadable
   */
  Optional<Map<String, Object>> next() throws IOException, FormatException;

  /** How many records were consumed so far, malformed ones included. */
  long recordsRead();

  /** Closes the underlying stream. */
  @Override
  void close() throws IOException;
}
