package dev.weft.connector.brokers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Messages pushed by a client's delivery thread, taken in batches by the reader. */
public final class Inbox<T> {
  private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();

  public void put(T message) {
    queue.add(message);
  }

  /**
   * Up to {@code max} messages: waits at most {@code idle} for each next one, so the batch ends
   * when it is full or the broker went quiet for {@code idle}. Empty when nothing came.
   */
  public List<T> take(int max, Duration idle) throws InterruptedException {
    List<T> out = new ArrayList<>();
    while (out.size() < max) {
      if (queue.drainTo(out, max - out.size()) > 0) continue;
      T next = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
      if (next == null) break;
      out.add(next);
    }
    return out;
  }

  /** Everything waiting, emptied. */
  public List<T> drain() {
    List<T> out = new ArrayList<>();
    queue.drainTo(out);
    return out;
  }
}
