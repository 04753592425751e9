package dev.weft.connector.brokers;

import dev.weft.connector.RunInfo;
import dev.weft.model.Flow;

/**
 * Names that stay the same for every run of one flow of one instance: MQTT client ids, NATS
 * durable consumers. Only letters, digits, {@code -} and {@code _}.
 */
public final class FlowNames {
  private FlowNames() {}

  /** E.g. {@code weft-shop-acme-orders-in}. */
  public static String of(RunInfo run, Flow flow, String role) {
    return clean("weft-" + run.integrationId() + "-" + run.instance() + "-" + flow.id() + "-" + role);
  }

  static String clean(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
