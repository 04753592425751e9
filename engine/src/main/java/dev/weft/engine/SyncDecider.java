package dev.weft.engine;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.SystemException;
import dev.weft.model.Sync;
import dev.weft.store.IdMap;
import dev.weft.store.IdPair;
import dev.weft.store.NewConflict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a sync run writes, from the changes read on both sides and the stored pairs:
 * deletes (when they propagate), one-sided changes, conflicts, then pairing of unpaired records by
 * the match rule and creates for the rest. Reads the other side's current records in bulk; never
 * writes.
 */
final class SyncDecider {
  private final Sync sync;
  private final SyncSide a;
  private final SyncSide b;
  private final IdMap idMap;
  private final String instance;
  private final String flow;
  private final Map<String, Object> config;
  private final Retries retries;

  private final List<SyncWrite> toA = new ArrayList<>();
  private final List<SyncWrite> toB = new ArrayList<>();
  private final List<IdPair> pairs = new ArrayList<>();
  private final List<String> forget = new ArrayList<>();
  /** Conflicts settled without a write (the winner's values were already on the other side). */
  private final List<NewConflict> conflicts = new ArrayList<>();
  /** Records of each side already given a decision this run. */
  private final Set<String> doneA = new HashSet<>();
  private final Set<String> doneB = new HashSet<>();

  SyncDecider(Sync sync, SyncSide a, SyncSide b, IdMap idMap, String instance, String flow, Map<String, Object> config, Retries retries) {
    this.sync = sync;
    this.a = a;
    this.b = b;
    this.idMap = idMap;
    this.instance = instance;
    this.flow = flow;
    this.config = config;
    this.retries = retries;
  }

  SyncDecisions decide(SideChanges ca, SideChanges cb) throws ConnectorException, InterruptedException {
    if (sync.deletes() == Sync.Deletes.PROPAGATE && ca.fullScan() && cb.fullScan()) {
      refuseEmptyRead(a, ca, cb);
      refuseEmptyRead(b, cb, ca);
      deletes(ca, cb);
    }
    pairedChanges(ca, cb);
    unpaired(ca, cb);
    return new SyncDecisions(ca, cb, toA, toB, pairs, forget, conflicts);
  }

  // --- deletes: a paired id missing from a side read in full

  /**
   * A side that answers no records at all while records are paired would empty the other side:
   * a read that failed quietly (an API answering an empty list, a wrong filter) looks the same.
   */
  private void refuseEmptyRead(SyncSide side, SideChanges read, SideChanges other) throws SystemException {
    if (read.read() > 0 || other.read() == 0) return;
    long paired = idMap.count(instance, flow);
    if (paired > 0)
      throw new SystemException(side.name() + " returned no records although " + paired + " are paired; deletes are not"
          + " propagated from an empty read, which a failed read looks like. If every record there was deleted on purpose,"
          + " delete them on the other side too");
  }

  private void deletes(SideChanges ca, SideChanges cb) {
    Set<String> idsA = ca.allIds().orElseThrow();
    Set<String> idsB = cb.allIds().orElseThrow();
    idMap.forEach(instance, flow, pair -> {
      boolean aGone = !idsA.contains(pair.aId());
      boolean bGone = !idsB.contains(pair.bId());
      if (aGone && bGone) {
        forget.add(pair.aId());
      } else if (aGone) {
        deletedOn(a, b, pair, Optional.ofNullable(cb.changed().get(pair.bId())));
      } else if (bGone) {
        deletedOn(b, a, pair, Optional.ofNullable(ca.changed().get(pair.aId())));
      } else {
        return;
      }
      doneA.add(pair.aId());
      doneB.add(pair.bId());
    });
  }

  /** The record was deleted on {@code gone}; {@code kept}'s record changed since the last sync when {@code edited}. */
  private void deletedOn(SyncSide gone, SyncSide kept, IdPair pair, Optional<SideRecord> edited) {
    String keptId = kept.idIn(pair);
    if (edited.isEmpty()) {
      writesTo(kept).add(SyncWrite.delete(keptId, pair, Optional.empty()));
      return;
    }
    boolean deleteWins = sync.conflict() == (gone.isA() ? Sync.Conflict.PREFER_A : Sync.Conflict.PREFER_B);
    String outcome = (deleteWins
        ? sync.conflict().key() + ": the delete on " + gone.label() + " wins; " + kept.name() + " " + keptId + " is deleted"
        : sync.conflict().key() + ": the edit on " + kept.label() + " wins over the delete on " + gone.label() + "; it is created again on "
            + gone.name());
    SideRecord record = edited.get();
    NewConflict conflict = new NewConflict(pair.aId(), pair.bId(),
        gone.isA() ? Optional.empty() : Optional.of(record.record()), gone.isA() ? Optional.of(record.record()) : Optional.empty(),
        deleteWins ? gone.label() : kept.label(), outcome);
    if (deleteWins) writesTo(kept).add(SyncWrite.delete(keptId, pair, Optional.of(conflict)));
    else writesTo(gone).add(SyncWrite.create(record, createFields(record), Optional.of(pair), Optional.of(conflict)));
  }

  // --- records that changed and have a pair

  private void pairedChanges(SideChanges ca, SideChanges cb) throws ConnectorException, InterruptedException {
    Map<String, SideRecord> onlyA = new LinkedHashMap<>();
    Map<String, SideRecord> onlyB = new LinkedHashMap<>();
    Map<String, SideRecord> changedBByA = new LinkedHashMap<>();
    for (SideRecord rb : cb.changed().values())
      if (rb.pair().isPresent() && !doneB.contains(rb.id())) changedBByA.put(rb.pair().get().aId(), rb);
    for (SideRecord ra : ca.changed().values()) {
      if (ra.pair().isEmpty() || doneA.contains(ra.id())) continue;
      SideRecord rb = changedBByA.remove(ra.id());
      if (rb != null && rb.pair().get().bId().equals(ra.pair().get().bId())) bothChanged(ra, rb);
      else {
        if (rb != null) onlyB.put(rb.id(), rb);
        onlyA.put(ra.pair().get().bId(), ra);
      }
    }
    for (SideRecord rb : changedBByA.values()) onlyB.put(rb.pair().get().aId(), rb);
    oneSided(a, b, onlyA);
    oneSided(b, a, onlyB);
  }

  /**
   * A pair changed on both sides. Edits of different fields are merged: each side gets the fields
   * the other changed since the last sync, when the merged records agree under both mappings and
   * keep both edits. Otherwise the edits overlap: a conflict, settled by the flow's policy.
   */
  private void bothChanged(SideRecord ra, SideRecord rb) {
    doneA.add(ra.id());
    doneB.add(rb.id());
    IdPair pair = ra.pair().get();
    if (sameUnderMappings(ra, rb)) {
      pairs.add(SideRecord.paired(ra, rb));
      return;
    }
    Optional<Map<String, Object>> changedA = changedSinceSync(a, ra);
    Optional<Map<String, Object>> changedB = changedSinceSync(b, rb);
    if (changedA.isPresent() && changedB.isPresent() && merged(ra, rb, changedA.get(), changedB.get())) return;
    Settled settled = settle(ra, rb);
    NewConflict conflict = new NewConflict(ra.id(), rb.id(), Optional.of(ra.record()), Optional.of(rb.record()),
        settled.winner().label(), settled.words());
    SideRecord winner = settled.winner().isA() ? ra : rb;
    SideRecord loser = settled.winner().isA() ? rb : ra;
    SyncSide loserSide = other(settled.winner());
    Map<String, Object> offered = (settled.winner().isA() ? changedA : changedB)
        .filter(changed -> agreeAfter(loserSide, loser.record(), notHeld(changed, loser.record()), winner))
        .orElse(winner.view());
    updateOrPair(loserSide, loser.id(), loser.record(), winner, offered, Optional.of(pair), Optional.of(conflict));
  }

  /** Merges edits of different fields (see {@link #bothChanged}); false when they overlap. */
  private boolean merged(SideRecord ra, SideRecord rb, Map<String, Object> changedA, Map<String, Object> changedB) {
    Map<String, Object> forB = notHeld(changedA, rb.record());
    Map<String, Object> forA = notHeld(changedB, ra.record());
    Map<String, Object> mergedA = with(ra.record(), forA);
    Map<String, Object> mergedB = with(rb.record(), forB);
    Optional<Map<String, Object>> viewA = a.mapped(mergedA, config);
    Optional<Map<String, Object>> viewB = b.mapped(mergedB, config);
    if (viewA.isEmpty() || viewB.isEmpty()) return false;
    if (!agree(viewA.get(), mergedB, viewB.get(), mergedA)) return false;
    if (!holds(changedA, viewA.get()) || !holds(changedB, viewB.get())) return false;
    IdPair pair = ra.pair().get();
    boolean both = !forA.isEmpty() && !forB.isEmpty();
    if (forA.isEmpty() && forB.isEmpty()) pairs.add(SideRecord.paired(ra, rb));
    if (!forB.isEmpty())
      toB.add(SyncWrite.update(rb.id(), ra, forB, before(forB, rb.record()), Optional.of(pair), Optional.empty(),
          both ? SyncWrite.Pairing.FIRST_OF_TWO : SyncWrite.Pairing.AFTER_THIS));
    if (!forA.isEmpty())
      toA.add(SyncWrite.update(ra.id(), rb, forA, before(forA, ra.record()), Optional.of(pair), Optional.empty(),
          both ? SyncWrite.Pairing.SECOND_OF_TWO : SyncWrite.Pairing.AFTER_THIS));
    return true;
  }

  /** True when {@code target}'s record with {@code fields} set agrees with {@code source}'s record (see {@link #agree}). */
  private boolean agreeAfter(SyncSide target, Map<String, Object> targetRecord, Map<String, Object> fields, SideRecord source) {
    Map<String, Object> after = with(targetRecord, fields);
    return target.mapped(after, config).map(view -> agree(view, source.record(), source.view(), after)).orElse(false);
  }

  /**
   * Two records agree when either one's view holds in the other: with a lossy mapping only one
   * direction can (first "Mary Ann", last "Smith" maps to "Mary Ann Smith", which splits back
   * into "Mary" and "Ann Smith"), and that is how such a pair looks right after it was synced.
   */
  private static boolean agree(Map<String, Object> viewOfX, Map<String, Object> y, Map<String, Object> viewOfY, Map<String, Object> x) {
    return holds(viewOfX, y) || holds(viewOfY, x);
  }

  /**
   * The fields of a paired record's view that changed since the last sync (a field gone from the
   * view is set to null); empty when the pair was stored without its views.
   */
  private static Optional<Map<String, Object>> changedSinceSync(SyncSide side, SideRecord record) {
    return record.pair().flatMap(side::syncedView).map(synced -> {
      Map<String, Object> changed = new LinkedHashMap<>();
      record.view().forEach((field, value) -> {
        if (!SyncValues.same(value, synced.get(field))) changed.put(field, value);
      });
      synced.keySet().forEach(field -> {
        if (!record.view().containsKey(field)) changed.put(field, null);
      });
      return changed;
    });
  }

  /** {@code changed} by the id of their partner on {@code target}: the partner is read, then updated where it differs. */
  private void oneSided(SyncSide from, SyncSide target, Map<String, SideRecord> changed) throws ConnectorException, InterruptedException {
    if (changed.isEmpty()) return;
    Map<String, Map<String, Object>> current = retries.call(() -> target.set().get(changed.keySet()));
    for (var e : changed.entrySet()) {
      SideRecord record = e.getValue();
      doneOf(from).add(record.id());
      doneOf(target).add(e.getKey());
      Map<String, Object> partner = current.get(e.getKey());
      if (partner != null) {
        // only what changed since the last sync: a lossy mapping must not rewrite fields nobody edited
        Map<String, Object> offered = changedSinceSync(from, record).orElse(record.view());
        updateOrPair(target, e.getKey(), partner, record, offered, record.pair(), Optional.empty());
      } else if (sync.deletes() == Sync.Deletes.IGNORE) {
        // deletes are not synced: the partner was deleted there, so the changed record is created there again
        writesTo(target).add(SyncWrite.create(record, createFields(record), record.pair(), Optional.empty()));
      }
      // with deletes propagating, a partner deleted since this run's read is handled by the next run
    }
  }

  /** Updates {@code targetId} on {@code target} with the {@code offered} fields of {@code source}'s view it does not hold yet. */
  private void updateOrPair(
      SyncSide target, String targetId, Map<String, Object> targetRecord, SideRecord source, Map<String, Object> offered,
      Optional<IdPair> pair, Optional<NewConflict> conflict) {
    Map<String, Object> fields = notHeld(offered, targetRecord);
    if (fields.isEmpty()) {
      Optional<SideRecord> now = target.view(targetId, targetRecord, config, Optional.empty());
      pairs.add(target.isA() ? SideRecord.paired(targetId, source.id(), now, Optional.of(source))
          : SideRecord.paired(source.id(), targetId, Optional.of(source), now));
      if (conflict.isPresent()) conflicts.add(conflict.get());
    } else {
      writesTo(target).add(SyncWrite.update(targetId, source, fields, before(fields, targetRecord), pair, conflict,
          SyncWrite.Pairing.AFTER_THIS));
    }
  }

  /** The fields whose value {@code record} does not hold yet. */
  private static Map<String, Object> notHeld(Map<String, Object> fields, Map<String, Object> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((field, value) -> {
      if (!covers(value, record.get(field))) out.put(field, value);
    });
    return out;
  }

  private static Map<String, Object> before(Map<String, Object> fields, Map<String, Object> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.keySet().forEach(field -> out.put(field, record.get(field)));
    return out;
  }

  /** {@code record} with {@code fields} set, as an update would leave it. */
  private static Map<String, Object> with(Map<String, Object> record, Map<String, Object> fields) {
    Map<String, Object> out = new LinkedHashMap<>(record);
    out.putAll(fields);
    return out;
  }

  // --- records never paired: pair them by the match rule, else create them on the other side

  private void unpaired(SideChanges ca, SideChanges cb) throws ConnectorException, InterruptedException {
    List<SideRecord> newA = ca.changed().values().stream().filter(r -> r.pair().isEmpty() && !doneA.contains(r.id())).toList();
    List<SideRecord> newB = cb.changed().values().stream().filter(r -> r.pair().isEmpty() && !doneB.contains(r.id())).toList();
    List<SideRecord> restA = newA;
    List<SideRecord> restB = newB;
    if (sync.match().isPresent()) {
      Sync.Match match = sync.match().get();
      Map<String, SideRecord> bByKey = new LinkedHashMap<>();
      for (SideRecord rb : newB) SyncValues.matchKey(rb.record().get(match.bField())).ifPresent(k -> bByKey.putIfAbsent(k, rb));
      restA = new ArrayList<>();
      for (SideRecord ra : newA) {
        Optional<String> key = SyncValues.matchKey(ra.record().get(match.aField()));
        SideRecord rb = key.map(bByKey::remove).orElse(null);
        if (rb != null) matched(ra, rb);
        else restA.add(ra);
      }
      if (!cb.fullScan()) restA = matchElsewhere(restA, a, b, match.aField(), match.bField());
      restB = newB.stream().filter(r -> !doneB.contains(r.id())).toList();
      if (!ca.fullScan()) restB = matchElsewhere(restB, b, a, match.bField(), match.aField());
    }
    for (SideRecord ra : restA) toB.add(SyncWrite.create(ra, createFields(ra), Optional.empty(), Optional.empty()));
    for (SideRecord rb : restB) toA.add(SyncWrite.create(rb, createFields(rb), Optional.empty(), Optional.empty()));
  }

  /**
   * Looks for partners of {@code records} on {@code other} by the match rule among records this
   * run did not read (an incremental read); answers the records still without one.
   */
  private List<SideRecord> matchElsewhere(List<SideRecord> records, SyncSide own, SyncSide other, String ownField, String otherField)
      throws ConnectorException, InterruptedException {
    Map<String, SideRecord> byKey = new LinkedHashMap<>();
    for (SideRecord r : records) SyncValues.matchKey(r.record().get(ownField)).ifPresent(k -> byKey.putIfAbsent(k, r));
    if (byKey.isEmpty()) return records;
    List<Map<String, Object>> found = retries.call(() -> other.set().find(otherField, byKey.keySet()));
    Map<String, Map<String, Object>> candidates = new LinkedHashMap<>();
    for (Map<String, Object> record : found) other.idOf(record).ifPresent(id -> candidates.putIfAbsent(id, record));
    Collection<String> paired = (other.isA() ? idMap.byA(instance, flow, candidates.keySet()) : idMap.byB(instance, flow, candidates.keySet())).keySet();
    for (var e : candidates.entrySet()) {
      if (paired.contains(e.getKey()) || doneOf(other).contains(e.getKey())) continue;
      Optional<String> key = SyncValues.matchKey(e.getValue().get(otherField));
      SideRecord mine = key.map(byKey::remove).orElse(null);
      if (mine == null) continue;
      Optional<SideRecord> theirs = other.view(e.getKey(), e.getValue(), config, Optional.empty());
      if (theirs.isEmpty()) {
        byKey.put(key.get(), mine); // the partner cannot be mapped: leave this record to be created
        continue;
      }
      if (own.isA()) matched(mine, theirs.get());
      else matched(theirs.get(), mine);
    }
    return records.stream().filter(r -> !doneOf(own).contains(r.id())).toList();
  }

  /**
   * Two records paired by the match rule: equal ones are just paired, else the conflict policy
   * says whose values win, recorded as a conflict of a first pairing.
   */
  private void matched(SideRecord ra, SideRecord rb) {
    doneA.add(ra.id());
    doneB.add(rb.id());
    if (sameUnderMappings(ra, rb)) {
      pairs.add(SideRecord.paired(ra, rb));
      return;
    }
    Settled settled = settle(ra, rb);
    SideRecord winner = settled.winner().isA() ? ra : rb;
    SideRecord loser = settled.winner().isA() ? rb : ra;
    NewConflict conflict = new NewConflict(ra.id(), rb.id(), Optional.of(ra.record()), Optional.of(rb.record()),
        settled.winner().label(), "first pairing by the match rule, the records differ; " + settled.words());
    updateOrPair(other(settled.winner()), loser.id(), loser.record(), winner, winner.view(), Optional.empty(), Optional.of(conflict));
  }

  // --- helpers

  private record Settled(SyncSide winner, String words) {}

  /** Who wins when both records changed, by the flow's conflict policy, and why in words. */
  private Settled settle(SideRecord ra, SideRecord rb) {
    return switch (sync.conflict()) {
      case PREFER_A -> new Settled(a, "prefer-a: a's version is kept");
      case PREFER_B -> new Settled(b, "prefer-b: b's version is kept");
      case NEWEST -> {
        Optional<Object> ua = a.updatedOf(ra.record()).filter(v -> v != null);
        Optional<Object> ub = b.updatedOf(rb.record()).filter(v -> v != null);
        if (ua.isEmpty() || ub.isEmpty()) {
          SyncSide w = ua.isPresent() || ub.isEmpty() ? a : b;
          yield new Settled(w, "newest: " + (w.isA() ? "b" : "a") + " has no updated time; " + w.label() + "'s version is kept");
        }
        boolean aNewer = SyncValues.compareUpdated(ua.get(), ub.get()) >= 0;
        String times = "a changed at " + SyncValues.watermarkText(ua.get()) + ", b at " + SyncValues.watermarkText(ub.get());
        yield new Settled(aNewer ? a : b, "newest: " + times + "; " + (aNewer ? "a" : "b") + "'s version is kept");
      }
    };
  }

  /** True when each record's view already holds in the other record: nothing to write either way. */
  private static boolean sameUnderMappings(SideRecord ra, SideRecord rb) {
    return holds(ra.view(), rb.record()) && holds(rb.view(), ra.record());
  }

  private static boolean holds(Map<String, Object> view, Map<String, Object> record) {
    for (var e : view.entrySet()) if (!covers(e.getValue(), record.get(e.getKey()))) return false;
    return true;
  }

  /** A nested object covers another when every field it sets is there with the same value. */
  @SuppressWarnings("unchecked")
  private static boolean covers(Object wanted, Object actual) {
    if (wanted instanceof Map<?, ?> w && actual instanceof Map<?, ?> x)
      return holds((Map<String, Object>) w, (Map<String, Object>) x);
    return SyncValues.same(wanted, actual);
  }

  private static Map<String, Object> createFields(SideRecord source) {
    Map<String, Object> fields = new LinkedHashMap<>();
    source.view().forEach((k, v) -> {
      if (v != null) fields.put(k, v);
    });
    return fields;
  }

  private SyncSide other(SyncSide side) {
    return side.isA() ? b : a;
  }

  private List<SyncWrite> writesTo(SyncSide side) {
    return side.isA() ? toA : toB;
  }

  private Set<String> doneOf(SyncSide side) {
    return side.isA() ? doneA : doneB;
  }
}
