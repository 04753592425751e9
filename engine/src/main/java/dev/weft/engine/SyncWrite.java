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
 * @param pairing when the pair is stored: after this write, or after both writes of a merge
 */
record SyncWrite(
    Change change, Optional<SideRecord> source, Map<String, Object> before, Optional<IdPair> pair, Optional<NewConflict> conflict,
    Pairing pairing) {

  /**
   * Edits of different fields on both sides are merged by an update on each side. The pair is
   * stored once, after the second (side a's, written after side b's), with both records as read
   * back: stored after the first alone, the other side's edit would count as synced although it
   * was not written yet.
   */
  enum Pairing {
    /** The pair is stored after this write. */
    AFTER_THIS,
    /** The first of a merge's two writes (to side b): the record is read back and kept for the second. */
    FIRST_OF_TWO,
    /** The second of a merge's two writes: the pair is stored with both records read back, unless the first was refused. */
    SECOND_OF_TWO
  }

  static SyncWrite create(SideRecord source, Map<String, Object> fields, Optional<IdPair> oldPair, Optional<NewConflict> conflict) {
    return new SyncWrite(new Change.Create(fields), Optional.of(source), Map.of(), oldPair, conflict, Pairing.AFTER_THIS);
  }

  static SyncWrite update(
      String id, SideRecord source, Map<String, Object> fields, Map<String, Object> before, Optional<IdPair> pair,
      Optional<NewConflict> conflict, Pairing pairing) {
    return new SyncWrite(new Change.Update(id, fields), Optional.of(source), before, pair, conflict, pairing);
  }

  static SyncWrite delete(String id, IdPair pair, Optional<NewConflict> conflict) {
    return new SyncWrite(new Change.Delete(id), Optional.empty(), Map.of(), Optional.of(pair), conflict, Pairing.AFTER_THIS);
  }
}
