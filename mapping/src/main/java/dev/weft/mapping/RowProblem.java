package dev.weft.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong in a map row or the filter, found when compiling.
 *
 * @param path relative to the flow: {@code map[3].unit}, {@code map[0].expr}, {@code map[2].from},
 *     {@code filter}
 */
public record RowProblem(String path, String message, Optional<String> suggestion) {
  public RowProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(suggestion, "suggestion");
  }

  static RowProblem of(String path, String message) {
    return new RowProblem(path, message, Optional.empty());
  }
}
