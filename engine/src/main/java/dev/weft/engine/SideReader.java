package dev.weft.engine;

import dev.weft.connector.ConnectorException;
import dev.weft.store.IdPair;
import dev.weft.store.NewDeadLetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one side of a sync: every record updated at or after the side's watermark (every record
 * when there is none), a page at a time; maps each through the side's mapping, hashes the view and
 * looks the page's pairs up in one query, keeping only what changed since the last sync.
 */
final class SideReader {
  private final Map<String, Object> config;
  private final Retries retries;
  private final int pageSize;

  SideReader(Map<String, Object> config, Retries retries, int pageSize) {
    this.config = config;
    this.retries = retries;
    this.pageSize = pageSize;
  }

  SideChanges read(SyncSide side, Optional<String> since, Function<Collection<String>, Map<String, IdPair>> pairsOf)
      throws ConnectorException, InterruptedException {
    return retries.call(() -> readOnce(side, since, pairsOf));
  }

  private SideChanges readOnce(SyncSide side, Optional<String> since, Function<Collection<String>, Map<String, IdPair>> pairsOf)
      throws ConnectorException {
    Map<String, SideRecord> changed = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    List<NewDeadLetter> invalid = new ArrayList<>();
    long[] read = new long[2]; // read, unchanged
    Object[] watermark = new Object[1];
    side.set().scan(since, pageSize, page -> {
      Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
      for (Map<String, Object> record : page) {
        read[0]++;
        side.updatedOf(record).ifPresent(u -> {
          if (watermark[0] == null || SyncValues.compareUpdated(u, watermark[0]) > 0) watermark[0] = u;
        });
        Optional<String> id = side.idOf(record);
        if (id.isEmpty()) {
          invalid.add(new NewDeadLetter(side.name() + " (no id)", side.mappingName(),
              side.name() + ": the record has no " + side.spec().id(), record, Optional.empty()));
          continue;
        }
        ids.add(id.get());
        byId.put(id.get(), record);
      }
      Map<String, IdPair> pairs = pairsOf.apply(byId.keySet());
      byId.forEach((id, record) -> {
        Optional<IdPair> pair = Optional.ofNullable(pairs.get(id));
        Optional<SideRecord> seen = side.view(id, record, config, pair);
        if (seen.isEmpty()) {
          invalid.add(new NewDeadLetter(side.name() + " " + id, side.mappingName(), reasonOf(side, record), record, Optional.empty()));
          changed.remove(id);
        } else if (pair.isPresent() && side.hashIn(pair.get()).equals(Optional.of(seen.get().hash()))) {
          read[1]++;
          changed.remove(id);
        } else {
          changed.put(id, seen.get());
        }
      });
    });
    boolean full = since.isEmpty();
    return new SideChanges(changed, read[0], read[1], full ? Optional.of(ids) : Optional.empty(), invalid,
        Optional.ofNullable(watermark[0]));
  }

  private String reasonOf(SyncSide side, Map<String, Object> record) {
    if (side.reads().apply(record, config) instanceof dev.weft.mapping.Outcome.Invalid invalid) {
      String reason = invalid.reason();
      return reason.startsWith("map[") ? side.mappingName() + reason.substring(3) : side.mappingName() + ": " + reason;
    }
    return side.mappingName() + ": the record cannot be mapped";
  }
}
