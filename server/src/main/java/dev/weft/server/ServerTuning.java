package dev.weft.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code weft serve} keeps its history and shares work, beside {@link WeftServer.Settings}.
 *
 * @param keepRuns runs older than this are pruned with their log and resolved dead letters; empty: kept for ever
 * @param pruneEvery how often the retention task runs
 * @param lease how long a claim (an inbox row, an event subscription) of a process that stopped
 *     answering holds before another process takes the work over
 * @param eventQuiet an event run ends when no message came for this long
 * @param eventLongest an event run ends after this long even while messages keep coming (a new one follows)
 * @param eventRetry a failed event run or a lost broker connection is retried after this long
 * @param notifyAttempts how often a failure notification is tried
 * @param notifyBackoff the wait before the second attempt, doubled for each next one
 * @param inbox how webhooks are processed: batches, parallel groups, attempts and their backoff
 */
public record ServerTuning(Optional<Duration> keepRuns, Duration pruneEvery, Duration lease, Duration eventQuiet, Duration eventLongest,
    Duration eventRetry, int notifyAttempts, Duration notifyBackoff, InboxTuning inbox) {
  public static final Duration DEFAULT_KEEP_RUNS = Duration.ofDays(30);

  public ServerTuning {
    Objects.requireNonNull(keepRuns, "keepRuns");
    if (lease.toMillis() < 300) throw new IllegalArgumentException("the lease must be at least 300ms, not " + lease);
    if (notifyAttempts < 1) throw new IllegalArgumentException("notifyAttempts must be at least 1");
    Objects.requireNonNull(inbox, "inbox");
  }

  public static ServerTuning defaults() {
    return new ServerTuning(Optional.of(DEFAULT_KEEP_RUNS), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(2),
        Duration.ofMinutes(5), Duration.ofSeconds(5), 3, Duration.ofSeconds(1), InboxTuning.defaults());
  }

  public ServerTuning withKeepRuns(Optional<Duration> keep) {
    return new ServerTuning(keep, pruneEvery, lease, eventQuiet, eventLongest, eventRetry, notifyAttempts, notifyBackoff, inbox);
  }

  public ServerTuning withPruneEvery(Duration every) {
    return new ServerTuning(keepRuns, every, lease, eventQuiet, eventLongest, eventRetry, notifyAttempts, notifyBackoff, inbox);
  }

  public ServerTuning withLease(Duration lease) {
    return new ServerTuning(keepRuns, pruneEvery, lease, eventQuiet, eventLongest, eventRetry, notifyAttempts, notifyBackoff, inbox);
  }

  public ServerTuning withEvents(Duration quiet, Duration longest, Duration retry) {
    return new ServerTuning(keepRuns, pruneEvery, lease, quiet, longest, retry, notifyAttempts, notifyBackoff, inbox);
  }

  public ServerTuning withNotify(int attempts, Duration backoff) {
    return new ServerTuning(keepRuns, pruneEvery, lease, eventQuiet, eventLongest, eventRetry, attempts, backoff, inbox);
  }

  public ServerTuning withInbox(InboxTuning inbox) {
    return new ServerTuning(keepRuns, pruneEvery, lease, eventQuiet, eventLongest, eventRetry, notifyAttempts, notifyBackoff, inbox);
  }
}
