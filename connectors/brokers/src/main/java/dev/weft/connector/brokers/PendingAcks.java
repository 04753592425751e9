package dev.weft.connector.brokers;

import dev.weft.connector.Checkpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The messages of batches handed out but not yet committed, in order. A batch is named by the
 * checkpoint made for it; committing a checkpoint releases that batch and every earlier one.
 */
public final class PendingAcks<T> {
  private record Pending<T>(Checkpoint checkpoint, List<T> messages) {}

  private final String prefix;
  private final Deque<Pending<T>> batches = new ArrayDeque<>();
  private long made;

  /** @param prefix names the source in checkpoints, e.g. the queue */
  public PendingAcks(String prefix) {
    this.prefix = prefix;
  }

  /** Remembers a batch and returns the checkpoint that will release it. */
  public synchronized Checkpoint add(List<T> messages) {
    Checkpoint checkpoint = new Checkpoint(prefix + "@" + (++made));
    batches.addLast(new Pending<>(checkpoint, List.copyOf(messages)));
    return checkpoint;
  }

  /** The messages of the batch named by {@code checkpoint} and of all before it; empty when unknown. */
  public synchronized List<T> release(Checkpoint checkpoint) {
    if (batches.stream().noneMatch(p -> p.checkpoint().equals(checkpoint))) return List.of();
    List<T> out = new ArrayList<>();
    while (!batches.isEmpty()) {
      Pending<T> p = batches.removeFirst();
      out.addAll(p.messages());
      if (p.checkpoint().equals(checkpoint)) break;
    }
    return out;
  }

  /** Everything not committed, emptied (to give back on close). */
  public synchronized List<T> drain() {
    List<T> out = new ArrayList<>();
    batches.forEach(p -> out.addAll(p.messages()));
    batches.clear();
    return out;
  }
}
