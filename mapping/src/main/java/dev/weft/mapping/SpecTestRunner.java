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
 * Runs a spec's {@code tests}: each input goes through its flow's filter and map rows, and only the
 * {@code expect} fields are compared (numbers by value, maps and lists deeply). Pure: no I/O.
 */
public final class SpecTestRunner {
  private SpecTestRunner() {}

  /** Runs every test; {@code config} overrides the defaults of the spec's config options. */
  public static List<SpecTestResult> run(Spec spec, Map<String, Object> config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (ConfigOption option : spec.config()) option.defaultValue().ifPresent(v -> settings.put(option.key(), v));
    settings.putAll(config);
    Map<String, Object> compiled = new HashMap<>();
    Map<String, String> filters = new HashMap<>();
    for (Flow flow : spec.flows())
      if (flow.body() instanceof Flow.Pipeline p) p.source().filter().ifPresent(f -> filters.put(flow.id(), f));
    List<SpecTestResult> results = new ArrayList<>();
    for (Spec.SpecTest test : spec.tests()) {
      Object mapping = compiled.computeIfAbsent(test.flow(), id -> mappingOf(spec, id));
      results.add(
          mapping instanceof RecordMapping m
              ? run(test, m, settings, Optional.ofNullable(filters.get(test.flow())))
              : new SpecTestResult(test.name(), test.flow(), Optional.of((String) mapping), List.of()));
    }
    return results;
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
    Compiled compiled = RecordMapping.compile(pipeline.map(), pipeline.source().filter());
    if (compiled.mapping().isEmpty()) {
      return "flow '" + flowId + "' cannot be compiled: "
          + compiled.problems().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    }
    return compiled.mapping().get();
  }

  private static SpecTestResult run(
      Spec.SpecTest test, RecordMapping mapping, Map<String, Object> config, Optional<String> filter) {
    Outcome outcome = mapping.apply(test.input(), config);
    return switch (outcome) {
      case Outcome.Filtered f ->
          new SpecTestResult(test.name(), test.flow(), Optional.of("the flow's filter (" + filter.orElse("") + ") left the record out"), List.of());
      case Outcome.Invalid invalid ->
          new SpecTestResult(test.name(), test.flow(), Optional.of("the record is invalid: " + invalid.reason()), List.of());
      case Outcome.Mapped mapped -> new SpecTestResult(test.name(), test.flow(), Optional.empty(), compare(test.expect(), mapped.value()));
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
