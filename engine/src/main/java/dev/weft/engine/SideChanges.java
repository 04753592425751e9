package dev.weft.engine;

import dev.weft.store.NewDeadLetter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a sync run read on one side: the records that changed since the last sync (a pair whose
 * view hash differs from the stored one) or were never paired, by id; how many were read and how
 * many were unchanged; every id when the side was read in full; the records that cannot be mapped;
 * and the highest updated-at value seen.
 */
record SideChanges(
    Map<String, SideRecord> changed,
    long read,
    long unchanged,
    Optional<Set<String>> allIds,
    List<NewDeadLetter> invalid,
    Optional<Object> watermark) {

  boolean fullScan() {
    return allIds.isPresent();
  }
}
