package dev.weft.mapping;

import java.util.List;
import java.util.Optional;

/** The result of compiling a flow's map rows and filter: a mapping when there are no problems. */
public record Compiled(Optional<RecordMapping> mapping, List<RowProblem> problems) {
  public Compiled {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
