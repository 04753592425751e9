package dev.weft.connector.http;

import dev.failsafe.RateLimiter;
import dev.weft.connector.RunInfo;
import dev.weft.model.SystemDef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limiter per system and run, shared by the source and the sink that talk to the same
 * system, so that together they stay within the system's {@code rate_limit}. A limiter lives
 * while a source or sink holds a lease on it.
 */
final class RateLimits {
  private static final Map<String, Shared> LIMITERS = new ConcurrentHashMap<>();

  private RateLimits() {}

  private record Shared(RateLimiter<Object> limiter, int holders) {}

  /** A lease on the limiter of {@code system} in {@code run}, or empty when the system has no rate limit. */
  static Optional<Lease> lease(RunInfo run, SystemDef system) {
    if (system.rateLimit().isEmpty()) return Optional.empty();
    SystemDef.RateLimit limit = system.rateLimit().get();
    String key = run.runId() + "\n" + system.id();
    Shared shared =
        LIMITERS.compute(
            key,
            (k, held) ->
                held == null
                    ? new Shared(RateLimiter.smoothBuilder(limit.permits(), limit.per()).build(), 1)
                    : new Shared(held.limiter(), held.holders() + 1));
    return Optional.of(new Lease(key, shared.limiter()));
  }

  record Lease(String key, RateLimiter<Object> limiter) implements AutoCloseable {
    void acquire() throws InterruptedException {
      limiter.acquirePermit();
    }

    @Override
    public void close() {
      LIMITERS.computeIfPresent(key, (k, held) -> held.holders() <= 1 ? null : new Shared(held.limiter(), held.holders() - 1));
    }
  }
}
