package dev.weft.spec;

import dev.weft.model.Problem;
import dev.weft.model.Spec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What loading a spec gave: the spec when nothing is wrong, and every problem found. Warnings never fail. */
public record LoadResult(Optional<Spec> spec, List<Problem> problems) {

  public LoadResult {
    Objects.requireNonNull(spec, "spec");
    problems = List.copyOf(problems);
  }

  /** True when no problem is an error. */
  public boolean ok() {
    return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
  }

  public List<Problem> errors() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
  }
}
