package dev.weft.engine.plan;

import java.util.List;

/**
 * What a run of a flow would do, computed by the run's own code path without writing anything:
 * one {@link TargetPlan} per system the run would change (two for a sync flow).
 */
public record Plan(String integration, String instance, String flow, List<TargetPlan> targets) {
  public Plan {
    targets = List.copyOf(targets);
  }

  /** This plan listing at most {@code limit} changes per target. */
  public Plan limitedTo(int limit) {
    return new Plan(integration, instance, flow, targets.stream().map(t -> t.limitedTo(limit)).toList());
  }
}
