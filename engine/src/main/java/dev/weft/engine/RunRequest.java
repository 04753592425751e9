package dev.weft.engine;

import dev.weft.connector.GrantedTokens;
import dev.weft.model.Spec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One run of one flow.
 *
 * @param config the instance's config values (options not given fall back to their defaults)
 * @param env environment variables for {@code ${env.X}}
 * @param batchSize records per batch (1,000 by default)
 * @param input a JSON document fed as the source instead of the source system (webhook flows)
 * @param specVersion a hash of the spec text, kept with the run
 * @param trigger what started the run: manual, schedule, webhook, event
 * @param runId the id to record the run under, chosen by a caller that must say it before the run
 *     ends (the server's manual trigger); empty: the store picks one. Use a request with an id once.
 * @param grants the OAuth 2 tokens the instance's customer granted ({@code weft serve} keeps them)
 */
public record RunRequest(
    Spec spec,
    String flowId,
    String instance,
    Map<String, Object> config,
    SecretResolver secrets,
    Function<String, Optional<String>> env,
    int batchSize,
    Optional<Path> input,
    String specVersion,
    String trigger,
    Optional<String> runId,
    GrantedTokens grants) {

  public static final int DEFAULT_BATCH = 1000;
  public static final String DEFAULT_INSTANCE = "default";

  public RunRequest {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(instance, "instance");
    config = Map.copyOf(config);
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(env, "env");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(grants, "grants");
  }

  /** A manual run of the default instance with no config, no secrets and the process environment. */
  public static RunRequest of(Spec spec, String flowId) {
    return new RunRequest(
        spec, flowId, DEFAULT_INSTANCE, Map.of(), SecretResolver.none(), name -> Optional.ofNullable(System.getenv(name)),
        DEFAULT_BATCH, Optional.empty(), "unversioned", "manual", Optional.empty(), GrantedTokens.none());
  }

  public RunRequest withInstance(String instance) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  public RunRequest withConfig(Map<String, Object> config) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  public RunRequest withSecrets(SecretResolver secrets) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  public RunRequest withEnv(Function<String, Optional<String>> env) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  public RunRequest withBatchSize(int batchSize) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  /** Feeds a JSON payload as the source; such a run neither reads nor moves the flow's checkpoint. */
  public RunRequest withInput(Path input) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, Optional.of(input), specVersion, "webhook", runId, grants);
  }

  public RunRequest withSpecVersion(String specVersion) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  public RunRequest withRunId(String runId) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, Optional.of(runId), grants);
  }

  public RunRequest withGrants(GrantedTokens grants) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }

  public RunRequest withTrigger(String trigger) {
    return new RunRequest(spec, flowId, instance, config, secrets, env, batchSize, input, specVersion, trigger, runId, grants);
  }
}
