package dev.weft.engine;

import dev.weft.connector.RecordSet.Change;
import dev.weft.engine.plan.PlannedChange;
import dev.weft.engine.plan.TargetPlan;
import dev.weft.store.IdPair;
import dev.weft.store.NewDeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sync run's decisions as the plan of one side: counts, the first changes field by field, and rejections. */
final class SyncPlans {
  private SyncPlans() {}

  static TargetPlan of(SyncSide target, SyncSide source, SyncDecisions d, List<SyncWrite> writes, int limit) {
    long creates = 0, updates = 0, deletes = 0;
    List<PlannedChange> changes = new ArrayList<>();
    for (SyncWrite w : writes) {
      switch (w.change()) {
        case Change.Create c -> creates++;
        case Change.Update u -> updates++;
        case Change.Delete x -> deletes++;
      }
      if (changes.size() < limit) changes.add(planned(source, w));
    }
    SideChanges own = target.isA() ? d.a() : d.b();
    long equal = 0;
    for (IdPair p : d.pairs()) if (own.changed().containsKey(target.idIn(p))) equal++;
    List<PlannedChange.Rejected> rejected = new ArrayList<>();
    for (NewDeadLetter l : (source.isA() ? d.a() : d.b()).invalid()) rejected.add(new PlannedChange.Rejected(l.position(), l.reason()));
    return new TargetPlan(target.name(), creates, updates, deletes, own.unchanged() + equal, changes, writes.size() - changes.size(), rejected);
  }

  private static PlannedChange planned(SyncSide source, SyncWrite w) {
    return switch (w.change()) {
      case Change.Create c -> new PlannedChange(PlannedChange.Kind.CREATE,
          "new, from " + source.name() + " " + w.source().orElseThrow().id(), fields(Map.of(), c.fields()));
      case Change.Update u -> new PlannedChange(PlannedChange.Kind.UPDATE, u.id(), fields(w.before(), u.fields()));
      case Change.Delete x -> new PlannedChange(PlannedChange.Kind.DELETE, x.id(), List.of());
    };
  }

  private static List<PlannedChange.FieldChange> fields(Map<String, Object> before, Map<String, Object> after) {
    List<PlannedChange.FieldChange> out = new ArrayList<>();
    after.forEach((field, value) -> out.add(new PlannedChange.FieldChange(field, before.get(field), value)));
    return out;
  }
}
