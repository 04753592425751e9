package dev.weft.engine;

import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import dev.weft.model.Trigger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small specs for engine tests: an in-memory source system {@code src} and target {@code dst}. */
final class Specs {
  private Specs() {}

  static MapRow copy(String from, String to) {
    return new MapRow(List.of(from), false, List.of(to), new MapRow.Operation.Copy(), Optional.empty(), false, Optional.empty());
  }

  static MapRow convert(String from, String to, String fromUnit, String toUnit) {
    return new MapRow(List.of(from), false, List.of(to), new MapRow.Operation.Convert(fromUnit, toUnit), Optional.empty(), false, Optional.of(3));
  }

  static final List<MapRow> ROWS = List.of(copy("id", "id"), convert("weight_lb", "weight_kg", "lb", "kg"));

  static ErrorPolicy errors(ErrorPolicy.InvalidRecords invalid, int attempts, Optional<String> message) {
    return new ErrorPolicy(new ErrorPolicy.Retry(attempts, Duration.ofMillis(5), Duration.ofMillis(20)), invalid, Optional.empty(), message);
  }

  static Spec spec(ErrorPolicy errors, Optional<Long> max, Optional<String> filter) {
    return spec(errors, max, filter, new Auth.None(Auth.Scope.SYSTEM), "mem:dst", List.of());
  }

  static Spec spec(ErrorPolicy errors, Optional<Long> max, Optional<String> filter, Auth targetAuth, String targetUrl, List<ConfigOption> config) {
    Source source = new Source("src", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), filter, Source.After.KEEP);
    Target target = new Target("dst", Optional.of("items"), Target.Write.UPSERT, List.of("id"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    Flow flow = new Flow("items", Optional.empty(), List.of(new Trigger.Webhook("items", Optional.empty(), Optional.of("data.items"))),
        new Flow.Pipeline(source, ROWS, target), Optional.of(new Flow.Volume(Optional.empty(), max)), errors);
    Map<String, SystemDef> systems = new LinkedHashMap<>();
    systems.put("src", new SystemDef("src", Optional.empty(), false, SystemDef.ConnectionKind.API, "mem:src", Optional.empty(),
        new Auth.None(Auth.Scope.SYSTEM), Optional.empty(), Map.of()));
    systems.put("dst", new SystemDef("dst", Optional.empty(), true, SystemDef.ConnectionKind.DATASTORE, targetUrl, Optional.empty(),
        targetAuth, Optional.empty(), Map.of("schema", "${config.schema}")));
    return new Spec(1, "test-spec", "Test", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Spec.Prerequisites.NONE,
        Spec.UserStories.NONE, Optional.empty(), Optional.empty(), systems, config, Map.of(), Spec.CustomerExperience.NONE,
        List.of(flow), List.of());
  }

  static List<Map<String, Object>> records(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n)
        .mapToObj(i -> Map.<String, Object>of("id", i, "weight_lb", i % 100 == 0 ? "ten" : Integer.toString(i)))
        .toList();
  }
}
