package dev.weft.engine;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet.Change;
import dev.weft.connector.RecordSet.Outcome;
import dev.weft.store.Counts;
import dev.weft.store.IdPair;
import dev.weft.store.NewConflict;
import dev.weft.store.NewDeadLetter;
import dev.weft.store.SideCounts;
import dev.weft.store.Store;
import dev.weft.store.SyncCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a sync run's decided changes, a page at a time per side. After each page the written
 * records are read back and hashed through their side's mapping (so the system's own
 * normalisation is not taken for a change next time), and the page's pairs, conflicts, dead
 * letters and counts are stored in one transaction: a run stopped between pages leaves every
 * committed write paired. The watermarks are stored last, after every write.
 */
final class SyncApplier {
  private static final int MAX_NOTES = 5;

  private final Store store;
  private final String runId;
  private final String instance;
  private final String flow;
  private final Retries retries;
  private final Map<String, Object> config;
  private final int pageSize;
  private final ProgressListener listener;
  private final long startNanos;
  private final Redactor redactor;

  private SideCounts totalA;
  private SideCounts totalB;
  private long conflicts;
  private final List<String> notes = new ArrayList<>();
  /** Side b's records read back after the first write of a merge, by id, for the pair stored after the second. */
  private final Map<String, Optional<SideRecord>> firstOfTwo = new HashMap<>();

  SyncApplier(
      Store store, String runId, String instance, String flow, Retries retries, Map<String, Object> config, int pageSize,
      ProgressListener listener, long startNanos, Redactor redactor) {
    this.store = store;
    this.runId = runId;
    this.instance = instance;
    this.flow = flow;
    this.retries = retries;
    this.config = config;
    this.pageSize = pageSize;
    this.listener = listener;
    this.startNanos = startNanos;
    this.redactor = redactor;
  }

  /** What the run did so far, also when it stopped part-way. */
  SyncSummary summary() {
    return new SyncSummary(totalA, totalB, conflicts, notes);
  }

  void apply(SyncSide a, SyncSide b, SyncDecisions d, String checkpoint) throws ConnectorException, InterruptedException {
    totalA = SideCounts.zero(a.name());
    totalB = SideCounts.zero(b.name());
    List<NewDeadLetter> invalid = new ArrayList<>(d.a().invalid());
    invalid.addAll(d.b().invalid());
    SideCounts readA = new SideCounts(a.name(), d.a().read(), 0, 0, 0, unchanged(d.a(), d, true), d.a().invalid().size());
    SideCounts readB = new SideCounts(b.name(), d.b().read(), 0, 0, 0, unchanged(d.b(), d, false), d.b().invalid().size());
    commit(new SyncCommit(runId, instance, flow, d.pairs(), d.forget(), d.conflicts(), redacted(invalid), readA, readB, Optional.empty()));
    writeSide(b, a, d.toB());
    writeSide(a, b, d.toA());
    commit(new SyncCommit(runId, instance, flow, List.of(), List.of(), List.of(), List.of(), SideCounts.zero(a.name()),
        SideCounts.zero(b.name()), Optional.of(checkpoint)));
  }

  /** Records read on a side that need no write: unchanged since the last sync, or already equal to their partner. */
  private static long unchanged(SideChanges side, SyncDecisions d, boolean isA) {
    long equal = 0;
    for (IdPair p : d.pairs()) if (side.changed().containsKey(isA ? p.aId() : p.bId())) equal++;
    return side.unchanged() + equal;
  }

  private void writeSide(SyncSide target, SyncSide source, List<SyncWrite> writes) throws ConnectorException, InterruptedException {
    for (int from = 0; from < writes.size(); from += pageSize)
      writePage(target, source, writes.subList(from, Math.min(writes.size(), from + pageSize)));
  }

  private void writePage(SyncSide target, SyncSide source, List<SyncWrite> page) throws ConnectorException, InterruptedException {
    List<Change> changes = page.stream().map(SyncWrite::change).toList();
    List<Outcome> outcomes = retries.call(() -> target.set().apply(changes));
    if (outcomes.size() != changes.size())
      throw new dev.weft.connector.SystemException(target.name() + " answered " + outcomes.size() + " outcomes for "
          + changes.size() + " changes");
    Set<String> written = new HashSet<>();
    for (int i = 0; i < page.size(); i++)
      if (outcomes.get(i) instanceof Outcome.Done done && !(page.get(i).change() instanceof Change.Delete)) written.add(done.id());
    Map<String, Map<String, Object>> readBack = written.isEmpty() ? Map.of() : retries.call(() -> target.set().get(written));

    List<IdPair> pairs = new ArrayList<>();
    List<String> forget = new ArrayList<>();
    List<NewConflict> settled = new ArrayList<>();
    List<NewDeadLetter> refused = new ArrayList<>();
    long created = 0, updated = 0, deleted = 0;
    for (int i = 0; i < page.size(); i++) {
      SyncWrite write = page.get(i);
      write.conflict().ifPresent(settled::add);
      switch (outcomes.get(i)) {
        case Outcome.Done done -> {
          switch (write.change()) {
            case Change.Create c -> created++;
            case Change.Update u -> updated++;
            case Change.Delete x -> deleted++;
          }
          if (write.change() instanceof Change.Delete) {
            forget.add(write.pair().orElseThrow().aId());
          } else {
            SideRecord from = write.source().orElseThrow();
            Optional<SideRecord> now = Optional.ofNullable(readBack.get(done.id()))
                .flatMap(record -> target.view(done.id(), record, config, Optional.empty()));
            switch (write.pairing()) {
              case AFTER_THIS -> pairs.add(target.isA() ? SideRecord.paired(done.id(), from.id(), now, Optional.of(from))
                  : SideRecord.paired(from.id(), done.id(), Optional.of(from), now));
              case FIRST_OF_TWO -> firstOfTwo.put(done.id(), now);
              case SECOND_OF_TWO -> {
                // the first write (to the partner) was refused when it is missing: the pair stays as it was
                Optional<SideRecord> partner = firstOfTwo.remove(from.id());
                if (partner != null)
                  pairs.add(target.isA() ? SideRecord.paired(done.id(), from.id(), now, partner)
                      : SideRecord.paired(from.id(), done.id(), partner, now));
              }
            }
          }
        }
        case Outcome.Refused no -> refused.add(deadLetter(target, source, write, no.reason()));
      }
    }
    SideCounts n = new SideCounts(target.name(), 0, created, updated, deleted, 0, refused.size());
    SideCounts none = SideCounts.zero(source.name());
    commit(new SyncCommit(runId, instance, flow, pairs, forget, settled, redacted(refused),
        target.isA() ? n : none, target.isA() ? none : n, Optional.empty()));
  }

  private NewDeadLetter deadLetter(SyncSide target, SyncSide source, SyncWrite write, String reason) {
    String position = switch (write.change()) {
      case Change.Create c -> target.name() + " (new, from " + source.name() + " " + write.source().orElseThrow().id() + ")";
      case Change.Update u -> target.name() + " " + u.id();
      case Change.Delete x -> target.name() + " " + x.id();
    };
    Map<String, Object> record = write.source().map(SideRecord::record).orElse(Map.of());
    Optional<Map<String, Object>> fields = switch (write.change()) {
      case Change.Create c -> Optional.of(c.fields());
      case Change.Update u -> Optional.of(u.fields());
      case Change.Delete x -> Optional.empty();
    };
    return new NewDeadLetter(position, "target", target.name() + ": " + reason, record, fields);
  }

  private void note(NewConflict c) {
    conflicts++;
    if (notes.size() < MAX_NOTES) notes.add("a " + c.aId() + " / b " + c.bId() + ": " + c.outcome());
  }

  private List<NewDeadLetter> redacted(List<NewDeadLetter> letters) {
    return letters.stream()
        .map(l -> new NewDeadLetter(l.position(), l.step(), redactor.redact(l.reason()), l.sourceRecord(), l.mappedRecord()))
        .toList();
  }

  private void commit(SyncCommit commit) {
    commit.conflicts().forEach(this::note);
    store.commitSync(commit);
    totalA = totalA.plus(commit.a());
    totalB = totalB.plus(commit.b());
    Counts total = new Counts(totalA.read() + totalB.read(), totalA.written() + totalB.written(),
        totalA.deadLettered() + totalB.deadLettered(), 0, 0);
    listener.progress(new Progress(total, Duration.ofNanos(System.nanoTime() - startNanos)));
  }
}
