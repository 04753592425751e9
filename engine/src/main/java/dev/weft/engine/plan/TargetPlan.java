package dev.weft.engine.plan;

import java.util.List;

/**
 * The changes a run would make to one target. The counts are exact; {@code changes} lists them
 * record by record up to a limit, and {@code changesOmitted} says how many more there are.
 *
 * @param target the target in words, e.g. {@code ledger.orders} or {@code crm PUT /contacts/{{id}}}
 * @param rejected records the run would dead-letter or refuse, with the reason in words
 */
public record TargetPlan(
    String target,
    long creates,
    long updates,
    long deletes,
    long unchanged,
    List<PlannedChange> changes,
    long changesOmitted,
    List<PlannedChange.Rejected> rejected) {

  public TargetPlan {
    changes = List.copyOf(changes);
    rejected = List.copyOf(rejected);
  }

  /** This plan listing at most {@code limit} changes; the others are counted in {@code changesOmitted}. */
  public TargetPlan limitedTo(int limit) {
    if (changes.size() <= limit) return this;
    return new TargetPlan(target, creates, updates, deletes, unchanged, changes.subList(0, Math.max(0, limit)),
        changesOmitted + changes.size() - Math.max(0, limit), rejected);
  }
}
