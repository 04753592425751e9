package dev.weft.testkit;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.Sink;
import dev.weft.connector.SystemException;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A sink that keeps what it wrote by record id (so rewriting a record is idempotent, like an
 * upsert). It can refuse chosen records, fail transiently a number of times, or fail for good.
 */
public final class InMemorySink implements Sink {
  private final Map<String, Map<String, Object>> written = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
  private final Commit commit;
  private final AtomicInteger transientFailures = new AtomicInteger();
  private final AtomicInteger spentFailures = new AtomicInteger();
  private final AtomicInteger writeCalls = new AtomicInteger();
  private final AtomicInteger recordsWritten = new AtomicInteger();
  private volatile Function<Map<String, Object>, Optional<String>> rejection = r -> Optional.empty();
  private volatile Optional<String> brokenFor = Optional.empty();
  private volatile boolean finished;
  private volatile boolean aborted;

  public InMemorySink() {
    this(Commit.PER_BATCH);
  }

  /** With {@link Commit#AT_END} the records become visible only at {@link #finish}. */
  public InMemorySink(Commit commit) {
    this.commit = commit;
  }

  /** Refuses the records for which the function gives a reason. */
  public InMemorySink rejecting(Function<Map<String, Object>, Optional<String>> reasonFor) {
    this.rejection = reasonFor;
    return this;
  }

  /** The next {@code times} writes throw {@link TransientException}. */
  public InMemorySink failWritesTransiently(int times) {
    transientFailures.set(times);
    return this;
  }

  /** The next {@code times} writes throw a {@link TransientException} the sink says it already retried. */
  public InMemorySink failWritesAfterOwnRetries(int times) {
    spentFailures.set(times);
    return this;
  }

  /** Every write from now on fails with a {@link SystemException}. */
  public InMemorySink breakWith(String reason) {
    brokenFor = Optional.of(reason);
    return this;
  }

  @Override
  public Commit commit() {
    return commit;
  }

  @Override
  public synchronized WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    writeCalls.incrementAndGet();
    if (brokenFor.isPresent()) throw new SystemException(brokenFor.get());
    if (spentFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
      throw TransientException.afterRetries("the in-memory sink gave up after its own retries", "retries spent", null);
    if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
      throw new TransientException("the in-memory sink is unavailable for now");
    List<WriteResult.Rejected> rejected = new ArrayList<>();
    Map<String, Map<String, Object>> into = commit == Commit.AT_END ? pending : written;
    for (int i = 0; i < batch.size(); i++) {
      SinkRecord record = batch.get(i);
      Optional<String> reason = rejection.apply(record.value());
      if (reason.isPresent()) rejected.add(new WriteResult.Rejected(i, reason.get()));
      else into.put(record.id(), record.value());
    }
    recordsWritten.addAndGet(batch.size() - rejected.size());
    return new WriteResult(batch.size() - rejected.size(), rejected);
  }

  @Override
  public synchronized void finish() {
    written.putAll(pending);
    pending.clear();
    finished = true;
  }

  @Override
  public synchronized void abort() {
    pending.clear();
    aborted = true;
  }

  /** What the target holds, by record id, in first-write order. */
  public synchronized Map<String, Map<String, Object>> written() {
    return new LinkedHashMap<>(written);
  }

  public int writeCalls() {
    return writeCalls.get();
  }

  /** Records accepted by all writes, repeats included. */
  public int recordsWritten() {
    return recordsWritten.get();
  }

  public boolean finished() {
    return finished;
  }

  public boolean aborted() {
    return aborted;
  }
}
