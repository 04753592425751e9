package dev.weft.spec.internal.check;

import dev.weft.model.Spec;
import dev.weft.spec.internal.bind.Nodes;
import dev.weft.spec.internal.format.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plans name existing flows, every flow is in some plan, and tests name one-way flows. */
final class PlanAndTestChecks {
  private PlanAndTestChecks() {}

  static void run(Context c) {
    List<String> flowIds = c.nodes().get("flows").items().stream().flatMap(f -> f.get("id").text().stream()).toList();
    Map<String, Nodes> plans = c.nodes().get("plans").entries();
    Set<String> planned = new HashSet<>();
    plans.forEach((plan, list) -> {
      List<Nodes> items = list.items();
      for (int i = 0; i < items.size(); i++) {
        String id = items.get(i).text("");
        planned.add(id);
        if (!flowIds.contains(id)) {
          Optional<String> suggestion = Suggestions.closest(id, flowIds);
          c.problems().error("plans." + plan + "[" + i + "]", "unknown flow '" + id + "'" + Suggestions.hint(suggestion), suggestion);
        }
      }
    });
    if (!plans.isEmpty()) {
      List<Nodes> flows = c.nodes().get("flows").items();
      for (int i = 0; i < flows.size(); i++) {
        Optional<String> id = flows.get(i).get("id").text();
        if (id.isPresent() && !planned.contains(id.get())) {
          c.problems().warning("flows[" + i + "].id", "flow '" + id.get() + "' is in no plan, so no customer gets it");
        }
      }
    }
    tests(c, flowIds);
  }

  private static void tests(Context c, List<String> flowIds) {
    List<Spec.SpecTest> tests = c.spec().tests();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tests.size(); i++) {
      Spec.SpecTest t = tests.get(i);
      String path = "tests[" + i + "]";
      if (!t.name().isEmpty() && !names.add(t.name())) c.problems().error(path + ".name", "duplicate test name '" + t.name() + "'");
      if (t.flow().isEmpty()) continue;
      if (!flowIds.contains(t.flow())) {
        Optional<String> suggestion = Suggestions.closest(t.flow(), flowIds);
        c.problems().error(path + ".flow", "unknown flow '" + t.flow() + "'" + Suggestions.hint(suggestion), suggestion);
      } else if (c.spec().flow(t.flow()).map(SyncChecks::isSync).orElse(false)) {
        c.problems().error(path + ".flow", "flow '" + t.flow() + "' is a two-way sync; tests run one-way flows");
      }
    }
  }
}
