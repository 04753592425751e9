package dev.weft.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's switched-on integration. {@code version} is {@code latest} or a pinned version;
 * {@code config} holds secret-typed values sealed by the {@link SecretBox}, never in the clear.
 */
public record Instance(
    String id,
    String customer,
    String integrationId,
    String version,
    Optional<String> plan,
    Environment environment,
    boolean enabled,
    Map<String, Object> sealedConfig) {

  public static final String LATEST = "latest";

  public Instance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(environment, "environment");
    sealedConfig = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sealedConfig));
  }

  public Instance withEnabled(boolean on) {
    return new Instance(id, customer, integrationId, version, plan, environment, on, sealedConfig);
  }
}
