package dev.weft.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the inbox worker processes webhooks.
 *
 * @param batch at most this many deliveries of one instance and flow are claimed and processed in one run
 * @param workers how many instance/flow groups one process works on at a time
 * @param maxAttempts a delivery whose run failed this many times becomes {@code failed} (replayable)
 * @param firstRetry the wait after the first failed attempt, doubled after each next one
 * @param longestRetry the longest wait between two attempts
 * @param gather how long a group's deliveries gather before the worker claims them, so that a run
 *     takes many (the deliveries committed while a run goes on are claimed right after it)
 */
public record InboxTuning(int batch, int workers, int maxAttempts, Duration firstRetry, Duration longestRetry, Duration gather) {
  public InboxTuning {
    if (batch < 1) throw new IllegalArgumentException("the inbox batch must be at least 1, not " + batch);
    if (workers < 1) throw new IllegalArgumentException("the inbox workers must be at least 1, not " + workers);
    if (maxAttempts < 1) throw new IllegalArgumentException("the inbox attempts must be at least 1, not " + maxAttempts);
    Objects.requireNonNull(firstRetry, "firstRetry");
    Objects.requireNonNull(longestRetry, "longestRetry");
    if (firstRetry.isNegative() || longestRetry.compareTo(firstRetry) < 0)
      throw new IllegalArgumentException("the inbox retry waits must be 0 or more, the longest at least the first");
    Objects.requireNonNull(gather, "gather");
    if (gather.isNegative()) throw new IllegalArgumentException("the inbox gathering time must be 0 or more, not " + gather);
  }

  public static InboxTuning defaults() {
    return new InboxTuning(500, 4, 10, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMillis(200));
  }

  public InboxTuning withWorkers(int workers) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather);
  }

  public InboxTuning withAttempts(int maxAttempts, Duration firstRetry, Duration longestRetry) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather);
  }

  public InboxTuning withBatch(int batch) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather);
  }

  public InboxTuning withGather(Duration gather) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather);
  }

  /** The wait before the next attempt after {@code failed} failed attempts (1 or more). */
  public Duration retryAfter(int failed) {
    Duration wait = firstRetry;
    for (int i = 1; i < failed && wait.compareTo(longestRetry) < 0; i++) wait = wait.multipliedBy(2);
    return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
  }
}
