package dev.weft.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/** What {@code GET /metrics} shows, in Prometheus text. */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public void run(String status, long read, long written) {
    Counter.builder("weft_runs").tag("status", status).description("Runs by how they ended").register(registry).increment();
    Counter.builder("weft_records_read").register(registry).increment(read);
    Counter.builder("weft_records_written").register(registry).increment(written);
  }

  /** accepted, repeated, unauthorized, too_large, not_found. */
  public void webhook(String outcome) {
    Counter.builder("weft_webhooks").tag("outcome", outcome).description("Webhook requests by outcome").register(registry).increment();
  }

  public void queueDepth(Supplier<Number> depth) {
    Gauge.builder("weft_inbox_queue_depth", depth).description("Webhooks accepted and not yet processed").register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }
}
