package dev.weft.engine;

import dev.weft.connector.RecordSet.Change;
import dev.weft.store.IdPair;
import dev.weft.store.NewConflict;
import java.util.Map;
import java.util.Optional;

/**
 * One change a sync run makes to one side, with what it needs to store the pair afterwards.
 *
 * @param change the create, update or delete sent to the side
 * @param source the other side's record the change comes from (empty for a delete)
 * @param before the target's current values of the fields an update sets (for plans)
 * @param pair the pair as stored before this run (empty for a create of an unpaired record)
 * @param conflict the conflict this change settles, recorded with it
 */
record SyncWrite(
    Change change, Optional<SideRecord> source, Map<String, Object> before, Optional<IdPair> pair, Optional<NewConflict> conflict) {

  static SyncWrite create(SideRecord source, Map<String, Object> fields, Optional<IdPair> oldPair, Optional<NewConflict> conflict) {
    return new SyncWrite(new Change.Create(fields), Optional.of(source), Map.of(), oldPair, conflict);
  }

  static SyncWrite update(
      String id, SideRecord source, Map<String, Object> fields, Map<String, Object> before, Optional<IdPair> pair,
      Optional<NewConflict> conflict) {
    return new SyncWrite(new Change.Update(id, fields), Optional.of(source), before, pair, conflict);
  }

  static SyncWrite delete(String id, IdPair pair, Optional<NewConflict> conflict) {
    return new SyncWrite(new Change.Delete(id), Optional.empty(), Map.of(), Optional.of(pair), conflict);
  }
}
