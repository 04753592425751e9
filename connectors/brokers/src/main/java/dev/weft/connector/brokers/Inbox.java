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
   * Up to {@code max} messages: waits at most {@code idle} for the first, then at most
   * {@code gap} for each next one, so a batch ends when it is full or the broker paused (a broker
   * that holds back messages until earlier ones are acked pauses too). Empty when nothing came.
   */
  public List<T> take(int max, Duration idle, Duration gap) throws InterruptedException {
    List<T> out = new ArrayList<>();
    while (out.size() < max) {
      if (queue.drainTo(out, max - out.size()) > 0) continue;
      Duration wait = out.isEmpty() ? idle : gap;
      T next = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
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
