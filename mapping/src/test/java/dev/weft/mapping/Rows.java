package dev.weft.mapping;

import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Map rows written the short way, as in the spec. */
final class Rows {
  private Rows() {}

  static MapRow copy(String from, String to) {
    return row(List.of(from), to, new Operation.Copy());
  }

  static MapRow row(List<String> from, String to, Operation operation) {
    return new MapRow(from, from.size() > 1, List.of(to), operation, Optional.empty(), false, Optional.empty());
  }

  static MapRow row(String from, String to, Operation operation) {
    return row(List.of(from), to, operation);
  }

  static MapRow withRound(MapRow row, int round) {
    return new MapRow(row.from(), row.fromIsList(), row.to(), row.operation(), row.defaultValue(), row.required(), Optional.of(round));
  }

  static MapRow withDefault(MapRow row, Object value) {
    return new MapRow(row.from(), row.fromIsList(), row.to(), row.operation(), Optional.of(value), row.required(), row.round());
  }

  static MapRow required(MapRow row) {
    return new MapRow(row.from(), row.fromIsList(), row.to(), row.operation(), row.defaultValue(), true, row.round());
  }

  static MapRow toMany(MapRow row, List<String> to) {
    return new MapRow(row.from(), row.fromIsList(), to, row.operation(), row.defaultValue(), row.required(), row.round());
  }

  static RecordMapping mapping(MapRow... rows) {
    Compiled compiled = RecordMapping.compile(List.of(rows), Optional.empty());
    if (!compiled.problems().isEmpty()) throw new AssertionError("unexpected problems: " + compiled.problems());
    return compiled.mapping().orElseThrow();
  }

  /** Maps one record and expects a mapped result. */
  static Map<String, Object> map(RecordMapping mapping, Map<String, Object> record) {
    Outcome outcome = mapping.apply(record, Map.of());
    if (outcome instanceof Outcome.Mapped(Map<String, Object> value)) return value;
    throw new AssertionError("expected a mapped record, got " + outcome);
  }

  static Map<String, Object> record(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }
}
