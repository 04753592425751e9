package dev.weft.mapping;

import static dev.weft.mapping.Rows.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.MapRow.Operation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompileProblemsTest {

  private static List<RowProblem> problems(Optional<String> filter, dev.weft.model.MapRow... rows) {
    Compiled compiled = RecordMapping.compile(List.of(rows), filter);
    assertThat(compiled.mapping()).as("no mapping when there are problems").isEqualTo(compiled.problems().isEmpty() ? compiled.mapping() : Optional.empty());
    return compiled.problems();
  }

  @Test
  void anUnknownUnitNamesThePathAndSuggestsTheClosest() {
    List<RowProblem> problems = problems(Optional.empty(), copy("a", "a"), row("w", "kg", new Operation.Convert("lbs", "kg")));
    assertThat(problems).containsExactly(new RowProblem("map[1].unit", "unknown unit 'lbs' (did you mean 'lb'?)", Optional.of("lb")));
  }

  @Test
  void incompatibleUnitsAreAProblem() {
    List<RowProblem> problems = problems(Optional.empty(), row("w", "x", new Operation.Convert("lb", "m")));
    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst().path()).isEqualTo("map[0].unit");
    assertThat(problems.getFirst().message()).isEqualTo("cannot convert pounds (lb) to metres (m): they measure different things");
  }

  @Test
  void aJsonataSyntaxErrorCarriesJsonatasMessage() {
    List<RowProblem> problems = problems(Optional.of("status = "), copy("a", "a"), row("x", "y", new Operation.Expr("$lowercase(")));
    assertThat(problems).extracting(RowProblem::path).containsExactly("map[1].expr", "filter");
    assertThat(problems.getFirst().message()).startsWith("invalid JSONata: ").contains("Expected");
  }

  @Test
  void badDatePatternsAndZonesAreProblems() {
    List<RowProblem> problems = problems(Optional.empty(),
        row("d", "d", new Operation.Date(Optional.of("yyyy-MM-dd qqqqqq"), Optional.empty(), Optional.empty())),
        row("d", "d", new Operation.Date(Optional.empty(), Optional.of("Mars/Olympus"), Optional.empty())),
        row("d", "d", new Operation.Date(Optional.empty(), Optional.empty(), Optional.of("{{bad"))));
    assertThat(problems).extracting(RowProblem::path).containsExactly("map[0].parse", "map[1].zone", "map[2].format");
    assertThat(problems.get(1).message()).contains("'Mars/Olympus'");
  }

  @Test
  void malformedPathsAreProblems() {
    List<RowProblem> problems = problems(Optional.empty(), copy("a..b", "x"), copy("a", "lines[x]"), copy("a", "[0].x"));
    assertThat(problems).extracting(RowProblem::path).containsExactly("map[0].from", "map[1].to", "map[2].to");
    assertThat(problems.get(2).message()).isEqualTo("'[0].x' must start with a field name: the output is an object");
    assertThat(problems.getFirst().message()).contains("malformed path 'a..b'");
  }

  @Test
  void splitNeedsASeparatorAndMostRowsNeedAFrom() {
    List<RowProblem> problems = problems(Optional.empty(), row("a", "b", new Operation.Split("", Optional.empty())), row(List.of(), "b", new Operation.Copy()));
    assertThat(problems).extracting(RowProblem::path).containsExactly("map[0].on", "map[1].from");
  }

  @Test
  void aValidMappingHasNoProblems() {
    Compiled compiled = RecordMapping.compile(List.of(copy("a", "b")), Optional.of("a > 1"));
    assertThat(compiled.problems()).isEmpty();
    assertThat(compiled.mapping()).isPresent();
  }
}
