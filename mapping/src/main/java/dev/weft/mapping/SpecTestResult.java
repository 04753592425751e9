package dev.weft.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one example in a spec's {@code tests}: passed when there is no error and no
 * field differs.
 *
 * @param error why the example could not be compared at all (unknown flow, invalid record, ...)
 * @param differences the expected fields that came out differently
 * @param notes worth saying even when it passed (e.g. the flow's filter would leave the record out)
 */
public record SpecTestResult(
    String name, String flow, Optional<String> error, List<FieldDifference> differences, List<String> notes) {

  public SpecTestResult(String name, String flow, Optional<String> error, List<FieldDifference> differences) {
    this(name, flow, error, differences, List.of());
  }

  public SpecTestResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(error, "error");
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return error.isEmpty() && differences.isEmpty();
  }

  /** What went wrong, one line each, for people. */
  public List<String> explanation() {
    List<String> lines = new ArrayList<>();
    error.ifPresent(lines::add);
    for (FieldDifference d : differences) lines.add(d.describe());
    return lines;
  }

  /** One expected field: what the example expects and what the mapping gave (rendered as JSON-like text). */
  public record FieldDifference(String field, String expected, String actual) {
    public String describe() {
      return field + ": expected " + expected + " but got " + actual;
    }
  }
}
