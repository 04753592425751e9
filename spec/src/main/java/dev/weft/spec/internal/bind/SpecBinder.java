package dev.weft.spec.internal.bind;

import dev.weft.model.ConfigOption;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.Spec.CustomerExperience;
import dev.weft.model.Spec.Prerequisites;
import dev.weft.model.Spec.UserStories;
import dev.weft.model.SystemDef;
import dev.weft.spec.internal.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds a node tree to the model. Lenient: a part whose shape is broken is left out (its problem
 * was reported by the structure check), so the semantic checks can still look at the rest.
 */
public final class SpecBinder {
  private SpecBinder() {}

  /**
   * The bound spec, with the YAML index of each bound flow (flows that could not be bound are left
   * out, so {@code flowIndexes.get(i)} is the position of {@code spec.flows().get(i)} in the file).
   */
  public record Bound(Spec spec, List<Integer> flowIndexes) {}

  public static Bound bind(Node root, Problems problems) {
    Nodes n = Nodes.of(root);
    Map<String, SystemDef> systems = new LinkedHashMap<>();
    n.get("systems").entries().forEach((id, s) -> SystemBinder.bind(id, s).ifPresent(def -> systems.put(id, def)));
    FlowBinder flowBinder = new FlowBinder(problems);
    List<Flow> flows = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    List<Nodes> flowNodes = n.get("flows").items();
    for (int i = 0; i < flowNodes.size(); i++) {
      Optional<Flow> flow = flowBinder.bind(flowNodes.get(i), "flows[" + i + "]");
      if (flow.isPresent()) {
        flows.add(flow.get());
        indexes.add(i);
      }
    }
    Map<String, List<String>> plans = new LinkedHashMap<>();
    n.get("plans").entries().forEach((plan, list) -> plans.put(plan, list.texts()));
    Nodes us = n.get("user_stories");
    Nodes cx = n.get("customer_experience");
    Spec spec = new Spec(
        n.get("weft").integer().orElse(0),
        n.get("id").text(""),
        n.get("name").text(""),
        n.get("summary").text(),
        n.get("needed_by").text(),
        n.get("roadmap").text(),
        list(n.get("revisions"), r -> new Spec.Revision(r.get("date").text(""), r.get("action").text(""), r.get("by").text(""))),
        prerequisites(n.get("prerequisites")),
        us.isMapping() ? new UserStories(us.get("primary").text(), us.get("more").texts()) : UserStories.NONE,
        n.get("screens_fields").text(),
        n.get("data_flow").text(),
        systems,
        list(n.get("config"), SpecBinder::configOption),
        plans,
        cx.isMapping() ? new CustomerExperience(cx.get("complexity").text(), cx.get("deployment").text()) : CustomerExperience.NONE,
        flows,
        list(n.get("tests"), t -> new Spec.SpecTest(t.get("name").text(""), t.get("flow").text(""), t.get("input").valueMap(), t.get("expect").valueMap())));
    return new Bound(spec, indexes);
  }

  private static Prerequisites prerequisites(Nodes p) {
    if (!p.isMapping()) return Prerequisites.NONE;
    return new Prerequisites(
        list(p.get("system_changes"), c -> new Spec.SystemChange(c.get("date").text(""), c.get("system").text(""), c.get("change").text(""))),
        list(p.get("sandboxes"), s -> new Spec.Sandbox(s.get("name").text(""), s.get("path").text(""), s.get("openapi").text())),
        list(p.get("walkthroughs"), w -> new Spec.Walkthrough(w.get("date").text(""), w.get("system").text(""), w.get("by").text(""))),
        list(p.get("smes"), s -> new Spec.Sme(s.get("system").text(""), s.get("company").text(), s.get("contact").text(), s.get("role").text())));
  }

  private static ConfigOption configOption(Nodes c) {
    return new ConfigOption(
        c.get("key").text(""),
        c.get("label").text(),
        c.get("type").text().flatMap(ConfigOption.Type::of).orElse(ConfigOption.Type.STRING),
        c.get("required").bool(false),
        c.get("default").present() ? c.get("default").value() : Optional.empty(),
        c.get("options").texts(),
        c.get("help").text());
  }

  private static <T> List<T> list(Nodes items, Function<Nodes, T> each) {
    return items.items().stream().filter(Nodes::isMapping).map(each).toList();
  }
}
