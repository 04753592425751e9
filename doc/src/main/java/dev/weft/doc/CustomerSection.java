package dev.weft.doc;

import dev.weft.doc.Block.Field;
import dev.weft.doc.Block.Fields;
import dev.weft.doc.Block.Heading;
import dev.weft.doc.Block.Paragraph;
import dev.weft.doc.Block.Table;
import dev.weft.model.ConfigOption;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "Customer experience": complexity, the config options, deployment and feature gating. */
final class CustomerSection {
  private static final String NONE = "—";

  private CustomerSection() {}

  static void of(Spec spec, List<Block> out) {
    out.add(new Heading(2, Outline.SECTIONS.get(6)));
    Spec.CustomerExperience cx = spec.customerExperience();
    out.add(new Fields(List.of(
        Field.of("Config Complexity", Text.orMissing(cx.complexity())),
        new Field("Config Options", List.of(configOptions(spec.config()))),
        Field.of("Deployment", Text.orMissing(cx.deployment())),
        new Field("Feature Gating", featureGating(spec)))));
  }

  private static Block configOptions(List<ConfigOption> options) {
    if (options.isEmpty()) return new Paragraph(Text.plain("None: customers configure nothing."));
    List<List<Text>> rows = new ArrayList<>();
    for (ConfigOption o : options) {
      boolean secret = o.type() == ConfigOption.Type.SECRET;
      Text defaultValue = o.defaultValue()
          .map(d -> secret ? Text.hidden() : Text.plain(Values.bare(d)))
          .orElseGet(() -> Text.plain(NONE));
      rows.add(List.of(
          Text.plain(o.displayLabel()),
          Text.code(o.key()),
          Text.plain(o.type().key() + (secret ? " (stored encrypted)" : "")),
          Text.plain(o.required() ? "yes" : "no"),
          defaultValue,
          o.options().isEmpty() ? Text.plain(NONE) : Text.plain(String.join(", ", o.options())),
          o.help().filter(h -> !h.isBlank()).map(h -> Text.plain(h.strip())).orElseGet(() -> Text.plain(NONE))));
    }
    return new Table(List.of("Label", "Key", "Type", "Required", "Default", "Options", "Help"), rows);
  }

  private static List<Block> featureGating(Spec spec) {
    if (spec.plans().isEmpty()) return List.of(new Paragraph(Text.plain("Every flow for every customer (no plans declared).")));
    List<List<Text>> rows = new ArrayList<>();
    Set<String> granted = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> plan : spec.plans().entrySet()) {
      granted.addAll(plan.getValue());
      List<Text> flows = plan.getValue().stream().map(id -> Text.plain(spec.flow(id).map(Flow::displayName).orElse(id))).toList();
      rows.add(List.of(Text.code(plan.getKey()), flows.isEmpty() ? Text.plain("no flows") : Text.join(flows, ", ")));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(Text.plain("Access is restricted by pricing plan; each plan grants these flows:")));
    blocks.add(new Table(List.of("Plan", "Flows"), rows));
    List<Text> orphans = spec.flows().stream().filter(f -> !granted.contains(f.id())).map(f -> Text.plain(f.displayName())).toList();
    if (!orphans.isEmpty()) {
      blocks.add(new Paragraph(Text.builder().plain("In no plan, so no customer gets them: ").add(Text.join(orphans, ", ")).plain(".").build()));
    }
    return blocks;
  }
}
