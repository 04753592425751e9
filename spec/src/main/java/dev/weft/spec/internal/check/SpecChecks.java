package dev.weft.spec.internal.check;

import dev.weft.model.Spec;
import dev.weft.spec.internal.Problems;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Runs every semantic check. Each adds its problems; none stops the others. */
public final class SpecChecks {
  private SpecChecks() {}

  public static void run(Spec spec, Node root, List<Integer> flowIndexes, Problems problems) {
    Context c = new Context(spec, root, flowIndexes, problems);
    TopChecks.run(c);
    DateChecks.run(c);
    ConfigChecks.run(c);
    PlaceholderChecks.run(c);
    SystemChecks.run(c);
    FlowShapeChecks.run(c);
    TriggerChecks.run(c);
    PipelineChecks.run(c);
    SyncChecks.run(c);
    MapRowShapeChecks.run(c);
    MappingChecks.run(c);
    PlanAndTestChecks.run(c);
  }
}
