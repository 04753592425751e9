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
 * @param rest while webhooks keep arriving, the worker rests after each batch this many times as
 *     long as the batch took (1: the worker takes at most half the time, the intake keeps the rest); 0 never rests
 */
public record InboxTuning(int batch, int workers, int maxAttempts, Duration firstRetry, Duration longestRetry, Duration gather,
    double rest) {
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
    if (!(rest >= 0 && rest <= 100)) throw new IllegalArgumentException("the inbox worker's rest must be from 0 to 100, not " + rest);
  }

  public static InboxTuning defaults() {
    return new InboxTuning(500, 4, 10, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMillis(200), 1);
  }

  public InboxTuning withWorkers(int workers) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather, rest);
  }

  public InboxTuning withAttempts(int maxAttempts, Duration firstRetry, Duration longestRetry) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather, rest);
  }

  public InboxTuning withBatch(int batch) {
    return new InboxTuning(batch, workers, maxAttempts, firstRetry, longestRetry, gather, rest);
  }

  /** The wait before the next attempt after {@code failed} failed attempts (1 or more). */
  public Duration retryAfter(int failed) {
    Duration wait = firstRetry;
    for (int i = 1; i < failed && wait.compareTo(longestRetry) < 0; i++) wait = wait.multipliedBy(2);
    return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
  }
}
