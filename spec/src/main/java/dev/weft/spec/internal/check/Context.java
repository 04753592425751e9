package dev.weft.spec.internal.check;

import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import dev.weft.spec.internal.Problems;
import dev.weft.spec.internal.bind.Nodes;
import dev.weft.spec.internal.format.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** What every semantic check sees: the bound spec, the node tree and the problems so far. */
record Context(Spec spec, Node root, List<Integer> flowIndexes, Problems problems) {

  Nodes nodes() {
    return Nodes.of(root);
  }

  /** Ids under {@code systems}, including systems too broken to bind. */
  Set<String> systemIds() {
    return nodes().get("systems").entries().keySet();
  }

  String flowPath(int boundIndex) {
    return "flows[" + flowIndexes.get(boundIndex) + "]";
  }

  Nodes flowNodes(int boundIndex) {
    return nodes().get("flows").items().get(flowIndexes.get(boundIndex));
  }

  /**
   * The system a reference names, or an error at {@code path} when none is declared. Empty also
   * when the system is declared but too broken to bind (its own problems say why).
   */
  Optional<SystemDef> system(String name, String path) {
    if (!systemIds().contains(name)) {
      Optional<String> suggestion = Suggestions.closest(name, systemIds());
      problems.error(path, "unknown system '" + name + "'" + Suggestions.hint(suggestion), suggestion);
      return Optional.empty();
    }
    return spec.system(name);
  }

  static String article(SystemDef.ConnectionKind kind) {
    return kind == SystemDef.ConnectionKind.API ? "an api" : "a " + kind.key();
  }

  List<Flow> flows() {
    return spec.flows();
  }
}
