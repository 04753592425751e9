package dev.weft.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.model.ErrorPolicy;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Retries transient failures as the flow's {@code errors.retry} says: exponential backoff with
 * jitter, capped. A failure the connector already retried ({@link TransientException#retriesSpent})
 * is not retried again.
 */
final class Retries {
  private final RetryPolicy<Object> policy;

  Retries(ErrorPolicy.Retry retry, Consumer<String> onRetry) {
    Duration backoff = positive(retry.backoff(), Duration.ofMillis(10));
    Duration max = retry.maxBackoff().compareTo(backoff) > 0 ? retry.maxBackoff() : backoff.plusMillis(1);
    this.policy =
        RetryPolicy.builder()
            .handleIf(e -> e instanceof TransientException t && !t.retriesSpent())
            .withMaxAttempts(Math.max(1, retry.attempts()))
            .withBackoff(backoff, max)
            .withJitter(0.2)
            .onRetry(e -> onRetry.accept(
                "attempt " + e.getAttemptCount() + " failed (" + message(e.getLastException()) + "); retrying"))
            .build();
  }

  private static Duration positive(Duration d, Duration fallback) {
    return d.isZero() || d.isNegative() ? fallback : d;
  }

  private static String message(Throwable t) {
    return t instanceof ConnectorException c ? c.userMessage() : String.valueOf(t);
  }

  /** Runs the call, retrying transient failures; the last failure is thrown when they run out. */
  <T> T call(CheckedSupplier<T> call) throws ConnectorException, InterruptedException {
    try {
      return Failsafe.with(policy).get(call);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConnectorException c) throw c;
      if (cause instanceof InterruptedException i) throw i;
      throw e;
    }
  }
}
