package dev.weft.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One integration specification: every section of the Integration Specification Template, in its
 * order, plus what is needed to run it. Maps keep the order of the YAML file.
 */
public record Spec(
    int weft,
    String id,
    String name,
    Optional<String> summary,
    Optional<String> neededBy,
    Optional<String> roadmap,
    List<Revision> revisions,
    Prerequisites prerequisites,
    UserStories userStories,
    Optional<String> screensFields,
    Optional<String> dataFlow,
    Map<String, SystemDef> systems,
    List<ConfigOption> config,
    Map<String, List<String>> plans,
    CustomerExperience customerExperience,
    List<Flow> flows,
    List<SpecTest> tests) {

  public Spec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    revisions = List.copyOf(revisions);
    systems = Collections2.orderedCopy(systems);
    config = List.copyOf(config);
    plans = Collections2.orderedCopy(plans);
    flows = List.copyOf(flows);
    tests = List.copyOf(tests);
  }

  public Optional<Flow> flow(String flowId) {
    return flows.stream().filter(f -> f.id().equals(flowId)).findFirst();
  }

  public Optional<SystemDef> system(String systemId) {
    return Optional.ofNullable(systems.get(systemId));
  }

  public Optional<ConfigOption> configOption(String key) {
    return config.stream().filter(o -> o.key().equals(key)).findFirst();
  }

  /** The system marked {@code ours: true} ("Your App"), if any. */
  public Optional<SystemDef> ours() {
    return systems.values().stream().filter(SystemDef::ours).findFirst();
  }

  /** The flows a plan grants; every flow when the spec declares no plans. */
  public List<String> flowsOfPlan(String plan) {
    if (plans.isEmpty()) return flows.stream().map(Flow::id).toList();
    return plans.getOrDefault(plan, List.of());
  }

  public record Revision(String date, String action, String by) {}

  public record Prerequisites(
      List<SystemChange> systemChanges,
      List<Sandbox> sandboxes,
      List<Walkthrough> walkthroughs,
      List<Sme> smes) {
    public static final Prerequisites NONE = new Prerequisites(List.of(), List.of(), List.of(), List.of());

    public Prerequisites {
      systemChanges = List.copyOf(systemChanges);
      sandboxes = List.copyOf(sandboxes);
      walkthroughs = List.copyOf(walkthroughs);
      smes = List.copyOf(smes);
    }
  }

  public record SystemChange(String date, String system, String change) {}

  public record Sandbox(String name, String path, Optional<String> openapi) {}

  public record Walkthrough(String date, String system, String by) {}

  public record Sme(String system, Optional<String> company, Optional<String> contact, Optional<String> role) {}

  public record UserStories(Optional<String> primary, List<String> more) {
    public static final UserStories NONE = new UserStories(Optional.empty(), List.of());

    public UserStories {
      more = List.copyOf(more);
    }
  }

  public record CustomerExperience(Optional<String> complexity, Optional<String> deployment) {
    public static final CustomerExperience NONE = new CustomerExperience(Optional.empty(), Optional.empty());
  }

  /** An example record run by {@code weft test}: {@code expect} lists the fields that must come out. */
  public record SpecTest(String name, String flow, Map<String, Object> input, Map<String, Object> expect) {}
}
