package dev.weft.engine;

import dev.weft.store.IdPair;
import java.util.Map;
import java.util.Optional;

/**
 * A record of one side of a sync as read this run: the record, its view (the record mapped into
 * the other side's fields), the view as canonical JSON and its hash, and its pair when it has one.
 */
record SideRecord(String id, Map<String, Object> record, Map<String, Object> view, String viewJson, String hash, Optional<IdPair> pair) {

  /**
   * The pair of two records as synced now, each with its hash and view; a side whose record could
   * not be read back or mapped gets an empty hash and no view, so its next read counts as a change.
   */
  static IdPair paired(String aId, String bId, Optional<SideRecord> a, Optional<SideRecord> b) {
    return new IdPair(aId, bId, Optional.of(a.map(SideRecord::hash).orElse("")), Optional.of(b.map(SideRecord::hash).orElse("")),
        a.map(SideRecord::viewJson), b.map(SideRecord::viewJson));
  }

  static IdPair paired(SideRecord a, SideRecord b) {
    return paired(a.id(), b.id(), Optional.of(a), Optional.of(b));
  }
}
