package dev.weft.formats;

import java.io.IOException;

/**
 * The document as a whole cannot be read on (broken JSON or XML syntax, a malformed CSV header),
 * as opposed to a failing stream: the records read before it stand, nothing after it can be read.
 */
public final class MalformedDocumentException extends IOException {
  public MalformedDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
