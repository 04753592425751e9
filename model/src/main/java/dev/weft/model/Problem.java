package dev.weft.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong (or worth a warning) in a spec, as a value: where it is and what it is. The CLI
 * prints {@code file:line:col: path: message}; the API answers the same list.
 *
 * @param path the spec path, e.g. {@code flows[0].map[3].unit}
 */
public record Problem(Severity severity, String path, String message, Position position, Optional<String> suggestion) {

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(position, "position");
  }

  public enum Severity {
    ERROR,
    WARNING
  }

  /** A place in a file; line and column start at 1 (0 when unknown). */
  public record Position(String file, int line, int column) {
    public static Position unknown(String file) {
      return new Position(file, 0, 0);
    }
  }

  /**
   * {@code file:line:col: path: message} — with "warning: " before the message for warnings; a
   * problem of the whole file (no position, e.g. "no such file") reads {@code file: message}.
   */
  public String format() {
    String where = position.line() == 0 ? position.file() : position.file() + ":" + position.line() + ":" + position.column();
    String text = severity == Severity.WARNING ? "warning: " + message : message;
    return where + ": " + (path.isEmpty() ? "" : path + ": ") + text;
  }
}
