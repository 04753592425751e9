package dev.weft.formats;

import java.io.IOException;
import java.util.Map;

/** Writes records one at a time to a stream. */
public interface RecordWriter extends AutoCloseable {

  void write(Map<String, Object> record) throws IOException;

  /** Closes arrays and root elements and flushes; does not close the stream. */
  void finish() throws IOException;

  /** Releases the writer's resources without closing the stream; {@link #finish} first. */
  @Override
  default void close() throws IOException {}
}
