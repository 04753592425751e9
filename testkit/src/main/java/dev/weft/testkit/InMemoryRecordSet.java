package dev.weft.testkit;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.SystemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One side of a two-way sync held in memory, like a small API resource: records by id, an
 * optional updated-at field the set stamps on every write (ISO-8601 text from a clock the test
 * controls), and a log of the changes Weft applied. Tests edit it "from outside" with {@link #put}
 * and {@link #remove}, and can make {@link #apply} fail after some changes were committed.
 */
public final class InMemoryRecordSet implements RecordSet {
  private final String idField;
  private final Optional<String> updatedField;
  private final Supplier<Instant> clock;
  private final String idPrefix;
  private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
  private final List<Change> applied = new ArrayList<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private int failAfter = -1;
  private final List<Refusal> refusals = new ArrayList<>();

  private record Refusal(java.util.function.Predicate<Map<String, Object>> when, String reason) {}

  /**
   * @param idField the field that holds each record's id (kept in the record as text)
   * @param updatedField the updated-at field, empty for a side without one (read in full each time)
   * @param clock the time stamped into {@code updatedField} on each write
   * @param idPrefix prefix of the ids this set gives new records, e.g. {@code a} gives {@code a1, a2}
   */
  public InMemoryRecordSet(String idField, Optional<String> updatedField, Supplier<Instant> clock, String idPrefix) {
    this.idField = idField;
    this.updatedField = updatedField;
    this.clock = clock;
    this.idPrefix = idPrefix;
  }

  /** A clock that moves one second each time it is read, from 2026-01-01: updated values never tie. */
  public static Supplier<Instant> tickingClock() {
    AtomicLong seconds = new AtomicLong();
    return () -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds.incrementAndGet());
  }

  /** Creates or changes a record as someone other than Weft would; the id is given. */
  public synchronized InMemoryRecordSet put(String id, Map<String, Object> fields) {
    Map<String, Object> record = new LinkedHashMap<>(records.getOrDefault(id, Map.of()));
    record.putAll(fields);
    record.put(idField, id);
    updatedField.ifPresent(f -> record.put(f, clock.get().toString()));
    records.put(id, record);
    return this;
  }

  /** Deletes a record as someone other than Weft would. */
  public synchronized InMemoryRecordSet remove(String id) {
    records.remove(id);
    return this;
  }

  /** The next call to {@link #apply} commits the first {@code n} changes, then fails as if the process died. */
  public synchronized InMemoryRecordSet failApplyAfter(int n) {
    this.failAfter = n;
    return this;
  }

  /** Refuses creates and updates whose resulting record matches, for {@code reason}. */
  public synchronized InMemoryRecordSet refusing(java.util.function.Predicate<Map<String, Object>> when, String reason) {
    refusals.add(new Refusal(when, reason));
    return this;
  }

  /** Every record, by id, in creation order. */
  public synchronized Map<String, Map<String, Object>> records() {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    records.forEach((id, r) -> copy.put(id, Map.copyOf(withoutNulls(r))));
    return copy;
  }

  /** The changes Weft applied, in order (failed and refused ones included). */
  public synchronized List<Change> applied() {
    return List.copyOf(applied);
  }

  public synchronized void clearApplied() {
    applied.clear();
  }

  @Override
  public synchronized void scan(Optional<String> since, int pageSize, Consumer<List<Map<String, Object>>> page) {
    List<Map<String, Object>> selected = new ArrayList<>();
    for (Map<String, Object> r : records.values()) {
      if (since.isPresent() && updatedField.isPresent()) {
        Object updated = r.get(updatedField.get());
        if (updated != null && Instant.parse(updated.toString()).isBefore(Instant.parse(since.get()))) continue;
      }
      selected.add(new LinkedHashMap<>(r));
    }
    if (updatedField.isPresent() && since.isPresent())
      selected.sort(Comparator.comparing(r -> String.valueOf(r.get(updatedField.get()))));
    for (int from = 0; from < selected.size(); from += pageSize)
      page.accept(selected.subList(from, Math.min(selected.size(), from + pageSize)));
  }

  @Override
  public synchronized Map<String, Map<String, Object>> get(Collection<String> ids) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    for (String id : ids) {
      Map<String, Object> r = records.get(id);
      if (r != null) found.put(id, new LinkedHashMap<>(r));
    }
    return found;
  }

  @Override
  public synchronized List<Outcome> apply(List<Change> changes) throws ConnectorException {
    List<Outcome> outcomes = new ArrayList<>();
    for (Change change : changes) {
      if (failAfter == 0) {
        failAfter = -1;
        throw new SystemException("the in-memory record set stopped part-way (as if the process died)");
      }
      if (failAfter > 0) failAfter--;
      applied.add(change);
      outcomes.add(applyOne(change));
    }
    return outcomes;
  }

  private Outcome applyOne(Change change) {
    return switch (change) {
      case Change.Create create -> {
        Optional<String> refused = refusal(create.fields());
        if (refused.isPresent()) yield new Outcome.Refused(refused.get());
        String id = idPrefix + nextId.getAndIncrement();
        while (records.containsKey(id)) id = idPrefix + nextId.getAndIncrement();
        Map<String, Object> record = new LinkedHashMap<>(create.fields());
        record.put(idField, id);
        updatedField.ifPresent(f -> record.put(f, clock.get().toString()));
        records.put(id, record);
        yield new Outcome.Done(id);
      }
      case Change.Update update -> {
        Map<String, Object> existing = records.get(update.id());
        if (existing == null) yield new Outcome.Refused("no record " + update.id());
        Map<String, Object> record = new LinkedHashMap<>(existing);
        record.putAll(update.fields());
        Optional<String> refused = refusal(record);
        if (refused.isPresent()) yield new Outcome.Refused(refused.get());
        record.put(idField, update.id());
        updatedField.ifPresent(f -> record.put(f, clock.get().toString()));
        records.put(update.id(), record);
        yield new Outcome.Done(update.id());
      }
      case Change.Delete delete -> {
        records.remove(delete.id());
        yield new Outcome.Done(delete.id());
      }
    };
  }

  private Optional<String> refusal(Map<String, Object> record) {
    for (Refusal r : refusals) if (r.when().test(record)) return Optional.of(r.reason());
    return Optional.empty();
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> r) {
    Map<String, Object> out = new LinkedHashMap<>();
    r.forEach((k, v) -> {
      if (v != null) out.put(k, v);
    });
    return out;
  }

  @Override
  public void close() {
    // the test owns the set; it outlives each run
  }
}
