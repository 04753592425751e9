package dev.weft.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What {@code GET /metrics} shows, in Prometheus text. */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Counter> webhooks = new ConcurrentHashMap<>();

  public void run(String status, long read, long written) {
    Counter.builder("weft_runs").tag("status", status).description("Runs by how they ended").register(registry).increment();
    Counter.builder("weft_records_read").register(registry).increment(read);
    Counter.builder("weft_records_written").register(registry).increment(written);
  }

  /** accepted, repeated, unauthorized, too_large, not_found. */
  public void webhook(String outcome) {
    webhooks.computeIfAbsent(outcome,
        o -> Counter.builder("weft_webhooks").tag("outcome", o).description("Webhook requests by outcome").register(registry)).increment();
  }

  /** Webhooks accepted and not processed, by status: pending, retrying, failed. */
  public void queueDepth(String status, Supplier<Number> depth) {
    Gauge.builder("weft_inbox_queue_depth", depth).tag("status", status).description("Webhooks accepted and not yet processed, by status")
        .register(registry);
  }

  /** Records an event run took from a broker. */
  public void events(String instance, long records) {
    Counter.builder("weft_event_records").tag("instance", instance).description("Records taken from broker subscriptions by event runs")
        .register(registry).increment(records);
  }

  public void eventSubscriptions(Supplier<Number> active) {
    Gauge.builder("weft_event_subscriptions", active).description("Event subscriptions this process holds").register(registry);
  }

  /** What the retention task deleted, by kind: runs, log_lines, dead_letters, inbox. */
  public void pruned(String kind, long count) {
    Counter.builder("weft_pruned").tag("kind", kind).description("Rows deleted by run retention").register(registry).increment(count);
  }

  /** Failure notifications by outcome: sent, failed. */
  public void notification(String outcome) {
    Counter.builder("weft_notifications").tag("outcome", outcome).description("Failure notifications by outcome").register(registry)
        .increment();
  }

  public String scrape() {
    return registry.scrape();
  }
}
