package dev.weft.server;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.weft.engine.RunResult;
import dev.weft.model.ConfigOption;
import dev.weft.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flow's {@code errors.notify.webhook}: after a failed run, POSTs a JSON notice with the run's
 * user-facing message (the flow's {@code errors.message} with its placeholders filled, secrets
 * redacted by the engine) to the URL, its placeholders resolved per instance. Tried {@code attempts}
 * times with a doubling wait; each outcome goes to the run's log. The URL itself is never logged
 * (it often is a secret, like a chat webhook), only its host.
 */
final class FailureNotifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FailureNotifier.class);

  private final Store store;
  private final OperatorSecrets secrets;
  private final SecretBox box;
  private final Function<String, Optional<String>> env;
  private final Metrics metrics;
  private final int attempts;
  private final Duration backoff;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("weft-notify-", 1).factory());

  FailureNotifier(Store store, OperatorSecrets secrets, SecretBox box, Function<String, Optional<String>> env, Metrics metrics, int attempts,
      Duration backoff) {
    this.store = store;
    this.secrets = secrets;
    this.box = box;
    this.env = env;
    this.metrics = metrics;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /** Sends the notice in the background, if the flow asks for one. */
  void failed(FlowRuns.Plan plan, RunResult result) {
    Optional<String> template = plan.flow().errors().notifyWebhook();
    if (template.isEmpty()) return;
    Optional<String> url = Placeholders.resolve(template.get(), key -> configValue(plan, key), secrets::get, env);
    if (url.isEmpty() || url.get().isBlank()) {
      store.runs().log(result.runId(), "WARN", "no failure notification sent: errors.notify.webhook has no value for this instance");
      return;
    }
    URI uri;
    try {
      uri = URI.create(url.get());
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) throw new IllegalArgumentException();
    } catch (IllegalArgumentException e) {
      store.runs().log(result.runId(), "WARN", "no failure notification sent: errors.notify.webhook is not an http(s) URL");
      return;
    }
    String body = Json.write(notice(plan, result));
    senders.execute(() -> send(uri, body, result.runId()));
  }

  private static Map<String, Object> notice(FlowRuns.Plan plan, RunResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", "run_failed");
    out.put("integration", plan.version().integrationId());
    out.put("version", plan.version().version());
    out.put("instance", plan.instance().id());
    out.put("customer", plan.instance().customer());
    out.put("flow", plan.flow().id());
    out.put("run_id", result.runId());
    out.put("message", result.failure().map(f -> f.userMessage()).orElse("the run failed"));
    out.put("read", result.counts().read());
    out.put("written", result.counts().written());
    out.put("dead_lettered", result.counts().deadLettered());
    out.put("at", Instant.now().toString());
    return out;
  }

  private void send(URI uri, String body, String runId) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json").header("User-Agent", "weft").header("Idempotency-Key", "weft-run-failed-" + runId)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    RetryPolicy<HttpResponse<String>> policy = RetryPolicy.<HttpResponse<String>>builder()
        .handle(IOException.class)
        .handleResultIf(answer -> answer.statusCode() / 100 != 2 && !refusedForGood(answer.statusCode()))
        .withMaxAttempts(attempts)
        .withBackoff(backoff, backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1))))
        .build();
    AtomicInteger tries = new AtomicInteger();
    String why;
    try {
      HttpResponse<String> answer = Failsafe.with(policy).get(() -> {
        tries.incrementAndGet();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      });
      if (answer.statusCode() / 100 == 2) {
        store.runs().log(runId, "INFO", "failure notification sent to " + uri.getHost() + " (HTTP " + answer.statusCode()
            + (tries.get() > 1 ? ", attempt " + tries.get() : "") + ")");
        metrics.notification("sent");
        return;
      }
      why = "HTTP " + answer.statusCode();
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        why = "interrupted (the server stopped)";
      } else {
        why = cause == null ? String.valueOf(e) : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      }
    }
    metrics.notification("failed");
    log.warn("failure notification of run {} to {} not delivered: {}", runId, uri.getHost(), why);
    store.runs().log(runId, "WARN", "failure notification to " + uri.getHost() + " not delivered after " + tries.get() + " attempt(s): " + why);
  }

  /** A 4xx other than a timeout or a rate limit: sending the same notice again will not help. */
  private static boolean refusedForGood(int status) {
    return status / 100 == 4 && status != 408 && status != 429;
  }

  private Optional<String> configValue(FlowRuns.Plan plan, String key) {
    Object v = plan.instance().sealedConfig().get(key);
    if (v == null) return plan.version().spec().configOption(key).flatMap(ConfigOption::defaultValue).map(String::valueOf);
    boolean secret = plan.version().spec().configOption(key).map(o -> o.type() == ConfigOption.Type.SECRET).orElse(false);
    return Optional.of(secret ? box.decrypt(String.valueOf(v)) : String.valueOf(v));
  }

  /** Gives notices in flight a few seconds to go out. */
  @Override
  public void close() {
    senders.shutdown();
    try {
      if (!senders.awaitTermination(10, TimeUnit.SECONDS)) senders.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
