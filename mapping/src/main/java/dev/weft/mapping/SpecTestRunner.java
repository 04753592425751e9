package dev.weft.mapping;

import dev.weft.mapping.SpecTestResult.FieldDifference;
import dev.weft.mapping.internal.Values;
import dev.weft.model.ConfigOption;
import dev.weft.model.Flow;
import dev.weft.model.RecordPath;
import dev.weft.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a spec's {@code tests}: each input goes through its flow's map rows, and only the
 * {@code expect} fields are compared (numbers by value, maps and lists deeply). A test checks the
 * mapping; the flow's filter is evaluated too, with the same config, and a record it would leave
 * out passes with a note saying so (an example need not carry every field the filter reads).
 * Pure: no I/O.
 */
public final class SpecTestRunner {
  private SpecTestRunner() {}

  /** Runs every test; {@code config} overrides the defaults of the spec's config options. */
  public static List<SpecTestResult> run(Spec spec, Map<String, Object> config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (ConfigOption option : spec.config()) option.defaultValue().ifPresent(v -> settings.put(option.key(), v));
    settings.putAll(config);
    Map<String, Object> compiled = new HashMap<>();
    Map<String, Optional<RecordMapping>> filters = new HashMap<>();
    List<SpecTestResult> results = new ArrayList<>();
    for (Spec.SpecTest test : spec.tests()) {
      Object mapping = compiled.computeIfAbsent(test.flow(), id -> mappingOf(spec, id));
      if (!(mapping instanceof RecordMapping m)) {
        results.add(new SpecTestResult(test.name(), test.flow(), Optional.of((String) mapping), List.of()));
        continue;
      }
      Optional<RecordMapping> filter = filters.computeIfAbsent(test.flow(), id -> filterOf(spec, id));
      results.add(run(test, m, filter, settings));
    }
    return results;
  }

  /** The flow's filter alone (no map rows), when it has one. */
  private static Optional<RecordMapping> filterOf(Spec spec, String flowId) {
    return spec.flow(flowId)
        .map(Flow::body)
        .filter(Flow.Pipeline.class::isInstance)
        .map(Flow.Pipeline.class::cast)
        .flatMap(p -> p.source().filter())
        .flatMap(f -> RecordMapping.compile(List.of(), Optional.of(f)).mapping());
  }

  /** The flow's compiled mapping, or why there is none. */
  private static Object mappingOf(Spec spec, String flowId) {
    Optional<Flow> flow = spec.flow(flowId);
    if (flow.isEmpty()) {
      String known = spec.flows().stream().map(Flow::id).collect(Collectors.joining(", "));
      return "flow '" + flowId + "' does not exist (flows: " + known + ")";
    }
    if (!(flow.get().body() instanceof Flow.Pipeline pipeline))
      return "flow '" + flowId + "' is a two-way sync; tests run one-way flows (source, map, target)";
    Compiled compiled = RecordMapping.compile(pipeline.map(), Optional.empty());
    if (compiled.mapping().isEmpty()) {
      return "flow '" + flowId + "' cannot be compiled: "
          + compiled.problems().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    }
    return compiled.mapping().get();
  }

  private static SpecTestResult run(
      Spec.SpecTest test, RecordMapping mapping, Optional<RecordMapping> filter, Map<String, Object> config) {
    List<String> notes = new ArrayList<>();
    filter.ifPresent(f -> {
      switch (f.apply(test.input(), config)) {
        case Outcome.Filtered x -> notes.add("the flow's filter would leave this record out (with this config)");
        case Outcome.Invalid invalid -> notes.add("the flow's filter could not be evaluated: " + invalid.reason());
        case Outcome.Mapped kept -> {}
      }
    });
    return switch (mapping.apply(test.input(), config)) {
      case Outcome.Filtered f -> new SpecTestResult(test.name(), test.flow(), Optional.of("the record was filtered out"), List.of(), notes);
      case Outcome.Invalid invalid ->
          new SpecTestResult(test.name(), test.flow(), Optional.of("the record is invalid: " + invalid.reason()), List.of(), notes);
      case Outcome.Mapped mapped ->
          new SpecTestResult(test.name(), test.flow(), Optional.empty(), compare(test.expect(), mapped.value()), notes);
    };
  }

  static List<FieldDifference> compare(Map<String, Object> expect, Map<String, Object> actual) {
    List<FieldDifference> differences = new ArrayList<>();
    for (Map.Entry<String, Object> field : expect.entrySet()) {
      String name = field.getKey();
      boolean present = actual.containsKey(name);
      Object value = actual.get(name);
      if (!present && name.indexOf('.') + name.indexOf('[') > -2) {
        Optional<RecordPath> path = RecordPath.parse(name).path();
        if (path.isPresent()) {
          value = path.get().get(actual);
          present = value != null;
        }
      }
      if (!present) differences.add(new FieldDifference(name, render(field.getValue()), "nothing (no such field)"));
      else if (!Values.sameValue(field.getValue(), value))
        differences.add(new FieldDifference(name, render(field.getValue()), render(value)));
    }
    return differences;
  }

  /** JSON-like text: strings quoted, numbers plain. */
  static String render(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case Map<?, ?> map ->
          map.entrySet().stream().map(e -> e.getKey() + ": " + render(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
      case List<?> list -> list.stream().map(SpecTestRunner::render).collect(Collectors.joining(", ", "[", "]"));
      default -> Values.text(value);
    };
  }
}
