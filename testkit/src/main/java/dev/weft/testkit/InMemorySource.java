package dev.weft.testkit;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source over a list of records. Its checkpoint is the index of the next record, its positions
 * are {@code mem:N} (1-based). It can fail transiently a chosen number of times.
 */
public final class InMemorySource implements Source {
  private final List<Map<String, Object>> records;
  private final AtomicInteger transientFailures = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final List<Checkpoint> committed = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public InMemorySource(List<Map<String, Object>> records) {
    this.records = List.copyOf(records);
  }

  /** The next {@code times} reads throw {@link TransientException}. */
  public InMemorySource failReadsTransiently(int times) {
    transientFailures.set(times);
    return this;
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws TransientException {
    reads.incrementAndGet();
    if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
      throw new TransientException("the in-memory source is unavailable for now");
    int start = from.isStart() ? 0 : Integer.parseInt(from.token());
    int end = Math.min(records.size(), start + maxRecords);
    List<SourceRecord> batch = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) batch.add(new SourceRecord(records.get(i), "mem:" + (i + 1)));
    return new Batch(batch, new Checkpoint(Integer.toString(end)), end >= records.size());
  }

  @Override
  public void committed(Checkpoint checkpoint) {
    committed.add(checkpoint);
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Checkpoints the engine acknowledged, in order. */
  public List<Checkpoint> committed() {
    return List.copyOf(committed);
  }

  public int reads() {
    return reads.get();
  }

  public boolean closed() {
    return closed;
  }
}
