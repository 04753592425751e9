package dev.weft.connector.brokers;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A continuous subscription for event triggers: batches go to a handler as they arrive, and are
 * acknowledged once the handler returns normally. When the handler throws (or the broker drops
 * the connection) the source is closed, so the unacknowledged messages come again, and reopened
 * after {@code retryDelay}.
 */
public final class EventSubscription {
  private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

  /** Receives one batch; return normally to acknowledge it. */
  @FunctionalInterface
  public interface Handler {
    void handle(List<SourceRecord> batch) throws Exception;
  }

  /** Opens a fresh source on the broker (each time the subscription (re)connects). */
  @FunctionalInterface
  public interface Opener {
    Source open() throws ConnectorException;
  }

  private final Opener opener;
  private final int maxBatch;
  private final Duration retryDelay;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile boolean running;
  private Thread loop;

  private EventSubscription(Opener opener, int maxBatch, Duration retryDelay) {
    this.opener = Objects.requireNonNull(opener, "opener");
    if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    this.maxBatch = maxBatch;
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
  }

  /**
   * E.g. {@code EventSubscription.of(() -> connector.openSource(context), 500, Duration.ofSeconds(5))}.
   */
  public static EventSubscription of(Opener opener, int maxBatch, Duration retryDelay) {
    return new EventSubscription(opener, maxBatch, retryDelay);
  }

  public synchronized void start(Handler handler) {
    Objects.requireNonNull(handler, "handler");
    if (loop != null) throw new IllegalStateException("already started");
    running = true;
    loop = Thread.ofPlatform().daemon().name("weft-event-subscription").start(() -> run(handler));
  }

  /** Stops taking messages and waits for the batch in hand to finish (at most about the source's idle time). */
  public void stop() {
    Thread t;
    synchronized (this) {
      running = false;
      t = loop;
    }
    stopping.countDown();
    if (t == null) return;
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(Handler handler) {
    while (running) {
      try (Source source = opener.open()) {
        Checkpoint at = Checkpoint.START;
        while (running) {
          Batch batch = source.read(at, maxBatch);
          if (batch.records().isEmpty()) continue;
          if (!running) return; // not handled: left for the next subscriber
          handler.handle(batch.records());
          source.committed(batch.after());
          at = batch.after();
        }
      } catch (ConnectorException e) {
        if (running) log.warn("event subscription failed, retrying in {}: {}", retryDelay, e.userMessage());
      } catch (Exception e) {
        if (running) log.warn("event handler failed, messages will come again in {}", retryDelay, e);
      }
      pause();
    }
  }

  private void pause() {
    if (!running) return;
    try {
      stopping.await(retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
