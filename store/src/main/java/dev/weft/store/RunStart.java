package dev.weft.store;

import java.util.Objects;

/** What is known of a run when it starts. {@code trigger}: manual, schedule, webhook, event, replay. */
public record RunStart(String integrationId, String specVersion, String instance, String flow, String trigger) {
  public RunStart {
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(trigger, "trigger");
  }
}
