package dev.weft.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as a JSON-like tree, the one shape {@code weft plan --json} prints and the server
 * answers: per target {@code creates}, {@code updates}, {@code deletes}, {@code unchanged}, the
 * {@code changes} with each field's {@code before} and {@code after}, {@code changes_omitted} and
 * {@code rejected}.
 */
public final class PlanDocument {
  private PlanDocument() {}

  /** {@code limit}: at most this many changes per target (the rest are counted in changes_omitted). */
  public static Map<String, Object> of(Plan plan, int limit) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("integration", plan.integration());
    out.put("instance", plan.instance());
    out.put("flow", plan.flow());
    List<Map<String, Object>> targets = new ArrayList<>();
    for (TargetPlan t : plan.limitedTo(limit).targets()) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("target", t.target());
      target.put("creates", t.creates());
      target.put("updates", t.updates());
      target.put("deletes", t.deletes());
      target.put("unchanged", t.unchanged());
      List<Map<String, Object>> changes = new ArrayList<>();
      for (PlannedChange c : t.changes()) changes.add(change(c));
      target.put("changes", changes);
      target.put("changes_omitted", t.changesOmitted());
      List<Map<String, Object>> rejected = new ArrayList<>();
      for (PlannedChange.Rejected r : t.rejected()) rejected.add(Map.of("position", r.position(), "reason", r.reason()));
      target.put("rejected", rejected);
      targets.add(target);
    }
    out.put("targets", targets);
    return out;
  }

  private static Map<String, Object> change(PlannedChange c) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    change.put("key", c.key());
    List<Map<String, Object>> fields = new ArrayList<>();
    for (PlannedChange.FieldChange f : c.fields()) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("field", f.field());
      field.put("before", f.before());
      field.put("after", f.after());
      fields.add(field);
    }
    change.put("fields", fields);
    return change;
  }
}
