package dev.weft.engine;

import dev.weft.store.IdPair;
import dev.weft.store.NewConflict;
import java.util.List;

/**
 * Everything a sync run will do, decided from what it read and before it writes anything: the
 * same for a plan and a run, so a run makes exactly the changes its plan showed.
 *
 * @param toA changes to side a
 * @param toB changes to side b
 * @param pairs pairs to store that need no write (paired by the match rule with equal records,
 *     the same edit on both sides, a change that leaves the other side as it is)
 * @param forget side-a ids of pairs whose records are gone from both sides
 * @param conflicts conflicts settled without a write (the winner's values were already there)
 */
record SyncDecisions(SideChanges a, SideChanges b, List<SyncWrite> toA, List<SyncWrite> toB, List<IdPair> pairs, List<String> forget,
    List<NewConflict> conflicts) {

  SyncDecisions {
    toA = List.copyOf(toA);
    toB = List.copyOf(toB);
    pairs = List.copyOf(pairs);
    forget = List.copyOf(forget);
    conflicts = List.copyOf(conflicts);
  }

  long writes() {
    return toA.size() + toB.size();
  }
}
