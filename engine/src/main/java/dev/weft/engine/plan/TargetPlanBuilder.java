package dev.weft.engine.plan;

import dev.weft.connector.Preview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up a one-way run's records into the plan of its target: each mapped record with what the
 * target holds for it ({@link Preview}) becomes a create, an update of the fields whose values
 * differ ({@link SameValue}), an unchanged record, or a rejection. A key met twice in one run is
 * compared with what the run would have written for it the first time.
 */
public final class TargetPlanBuilder {
  static final int MOST_REJECTIONS = 1000;

  private final String target;
  private final int limit;
  private final Map<String, Map<String, Object>> plannedByKey = new HashMap<>();
  private final List<PlannedChange> changes = new ArrayList<>();
  private final List<PlannedChange.Rejected> rejected = new ArrayList<>();
  private long creates, updates, unchanged, omitted;

  public TargetPlanBuilder(String target, int limit) {
    this.target = target;
    this.limit = limit;
  }

  /** A record the mapping refused, or the target would. */
  public void rejected(String position, String reason) {
    if (rejected.size() < MOST_REJECTIONS) rejected.add(new PlannedChange.Rejected(position, reason));
  }

  /** A mapped record ({@code fields}) from {@code position}, and what the target holds for it. */
  public void add(String position, Map<String, Object> fields, Preview preview) {
    switch (preview) {
      case Preview.Refused r -> rejected(position, r.reason());
      case Preview.Append a -> create(position, fields);
      case Preview.Create c when c.key().isEmpty() -> create(position, fields);
      case Preview.Create c -> {
        Map<String, Object> earlier = plannedByKey.get(c.key().get());
        if (earlier == null) create(c.key().get(), fields);
        else update(c.key().get(), earlier, fields);
        remember(c.key().get(), Map.of(), fields);
      }
      case Preview.Existing e -> {
        Map<String, Object> before = plannedByKey.getOrDefault(e.key(), e.current());
        update(e.key(), before, fields);
        remember(e.key(), before, fields);
      }
    }
  }

  private void remember(String key, Map<String, Object> before, Map<String, Object> fields) {
    Map<String, Object> after = new LinkedHashMap<>(before);
    after.putAll(fields);
    plannedByKey.put(key, after);
  }

  private void create(String key, Map<String, Object> fields) {
    creates++;
    List<PlannedChange.FieldChange> set = new ArrayList<>();
    fields.forEach((field, value) -> set.add(new PlannedChange.FieldChange(field, null, value)));
    keep(new PlannedChange(PlannedChange.Kind.CREATE, key, set));
  }

  private void update(String key, Map<String, Object> before, Map<String, Object> fields) {
    List<PlannedChange.FieldChange> differ = new ArrayList<>();
    fields.forEach((field, value) -> {
      Object was = before.get(field);
      if (!SameValue.test(value, was)) differ.add(new PlannedChange.FieldChange(field, was, value));
    });
    if (differ.isEmpty()) {
      unchanged++;
      return;
    }
    updates++;
    keep(new PlannedChange(PlannedChange.Kind.UPDATE, key, differ));
  }

  private void keep(PlannedChange change) {
    if (changes.size() < limit) changes.add(change);
    else omitted++;
  }

  public TargetPlan build() {
    return new TargetPlan(target, creates, updates, 0, unchanged, changes, omitted, rejected);
  }
}
