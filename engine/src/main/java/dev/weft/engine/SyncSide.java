package dev.weft.engine;

import dev.weft.connector.RecordSet;
import dev.weft.mapping.Outcome;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.store.IdPair;
import java.util.Map;
import java.util.Optional;

/**
 * One side of a running sync: its spec, its resolved system, its open record set and the mapping
 * that reads its records into the other side's fields ({@code a_to_b} for side a).
 *
 * @param label {@code a} or {@code b}
 * @param name the side in words, e.g. {@code helpdesk.customers} or {@code crm /contacts}
 */
record SyncSide(String label, Sync.Side spec, SystemDef system, RecordSet set, RecordMapping reads, String mappingName, String name) {

  boolean isA() {
    return label.equals("a");
  }

  Optional<String> idOf(Map<String, Object> record) {
    return SyncValues.id(record.get(spec.id()));
  }

  Optional<Object> updatedOf(Map<String, Object> record) {
    return spec.updated().map(record::get);
  }

  /** This side's id in a pair. */
  String idIn(IdPair pair) {
    return isA() ? pair.aId() : pair.bId();
  }

  /** This side's stored hash in a pair. */
  Optional<String> hashIn(IdPair pair) {
    return isA() ? pair.aHash() : pair.bHash();
  }

  /** This side's view in a pair as of the last sync, when it was stored. */
  Optional<Map<String, Object>> syncedView(IdPair pair) {
    return (isA() ? pair.aView() : pair.bView()).map(SyncValues::parse);
  }

  /** The record seen through this side's mapping, with its hash; empty when the mapping refuses it. */
  Optional<SideRecord> view(String id, Map<String, Object> record, Map<String, Object> config, Optional<IdPair> pair) {
    return mapped(record, config).map(view -> {
      String json = SyncValues.canonicalJson(view);
      return new SideRecord(id, record, view, json, SyncValues.hashOf(json), pair);
    });
  }

  /** The record mapped through this side's mapping; empty when the mapping refuses it. */
  Optional<Map<String, Object>> mapped(Map<String, Object> record, Map<String, Object> config) {
    return reads.apply(record, config) instanceof Outcome.Mapped mapped ? Optional.of(mapped.value()) : Optional.empty();
  }

  /** {@code helpdesk.customers}, {@code crm /contacts}. */
  static String describe(SystemDef system, Sync.Side side) {
    if (side.table().isPresent()) return system.id() + "." + side.table().get();
    if (side.endpoint().isPresent()) return system.id() + " " + side.endpoint().get();
    return system.id();
  }
}
