package dev.weft.connector.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedRunnable;
import dev.failsafe.function.CheckedSupplier;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SystemException;
import dev.weft.connector.TransientException;
import dev.weft.model.ErrorPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests with retries: connection errors, timeouts, 408, 429 and 5xx are tried again after
 * the {@code Retry-After} the server asked for, or after an exponential backoff with jitter. When
 * the attempts run out the failure is a {@link TransientException}, so the engine's flow-level
 * retry decides what happens next.
 */
final class Transport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(10);

  private final String systemName;
  private final HttpClient client;
  private final HttpSettings settings;
  private final RetryPolicy<ApiResponse> retry;

  Transport(String systemName, boolean plainHttp, HttpSettings settings) {
    this.systemName = systemName;
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(plainHttp ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
            .build();
    ErrorPolicy.Retry r = settings.retry();
    this.retry =
        RetryPolicy.<ApiResponse>builder()
            .handle(IOException.class)
            .handleResultIf(ApiResponse::retryable)
            .withMaxAttempts(Math.max(1, r.attempts()))
            .withDelayFn(ctx -> delay(ctx.getLastResult(), ctx.getAttemptCount()))
            .onRetry(
                e ->
                    log.debug(
                        "{}: attempt {} failed ({}), trying again",
                        systemName,
                        e.getAttemptCount(),
                        e.getLastResult() != null ? "status " + e.getLastResult().status() : String.valueOf(e.getLastException())))
            .build();
  }

  Duration requestTimeout() {
    return settings.requestTimeout();
  }

  /**
   * Sends what {@code build} makes (called again for each attempt), after {@code beforeAttempt}
   * (a rate limiter's permit). Returns the final response, which may be any status but a
   * retryable one.
   */
  ApiResponse exchange(
      ApiRequest request, CheckedSupplier<HttpRequest> build, CheckedRunnable beforeAttempt)
      throws ConnectorException {
    ApiResponse response;
    try {
      response =
          Failsafe.with(retry)
              .get(
                  () -> {
                    beforeAttempt.run();
                    HttpRequest sent = build.get();
                    HttpResponse<byte[]> answer = client.send(sent, HttpResponse.BodyHandlers.ofByteArray());
                    return new ApiResponse(request.uri(), answer.statusCode(), answer.headers(), answer.body(), sent);
                  });
    } catch (FailsafeException e) {
      throw translate(request, e.getCause() == null ? e : e.getCause());
    }
    if (response.retryable())
      throw TransientException.afterRetries(
          systemName + " answered " + response.status() + " to " + request.describe(),
          systemName + " answered " + response.status() + " to " + request.describe() + " after " + settings.retry().attempts() + " attempts",
          null);
    return response;
  }

  private ConnectorException translate(ApiRequest request, Throwable cause) {
    return switch (cause) {
      case ConnectorException c -> c;
      case HttpTimeoutException t -> {
        String said = systemName + " did not answer " + request.describe() + " in time";
        yield TransientException.afterRetries(said, said + ": " + t, t);
      }
      case IOException io -> {
        String said = systemName + " could not be reached for " + request.describe();
        yield TransientException.afterRetries(said, said + ": " + io, io);
      }
      case InterruptedException i -> {
        Thread.currentThread().interrupt();
        yield new SystemException("interrupted while calling " + systemName, i);
      }
      default -> new SystemException("calling " + systemName + " failed unexpectedly", cause);
    };
  }

  private Duration delay(ApiResponse last, int attempts) {
    Optional<Duration> asked =
        last == null ? Optional.empty() : RetryAfter.of(last.headers(), Instant.now());
    if (asked.isPresent()) return min(asked.get(), LONGEST_RETRY_AFTER);
    ErrorPolicy.Retry r = settings.retry();
    Duration backoff = r.backoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    Duration capped = min(backoff, r.maxBackoff());
    long millis = capped.toMillis();
    long jittered = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    // every send is synchronous and over by now: nothing to wait for
    client.shutdownNow();
  }
}
