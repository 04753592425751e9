package dev.weft.server;

import dev.weft.engine.Connectors;
import dev.weft.engine.DeadLetterReplay;
import dev.weft.engine.FlowRunner;
import dev.weft.engine.ProgressListener;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.RunStartException;
import dev.weft.engine.SecretResolver;
import dev.weft.model.ConfigOption;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.store.Store;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs instances' flows through the engine on a bounded pool: one run per instance and flow at a
 * time, with the instance's config (secrets unsealed) and the operator's secrets.
 */
public final class FlowRuns implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FlowRuns.class);

  private final Store store;
  private final Catalog catalog;
  private final Instances instances;
  private final OperatorSecrets secrets;
  private final SecretBox box;
  private final Metrics metrics;
  private final FlowRunner runner;
  private final Connectors connectors;
  private final ExecutorService pool;
  private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
  private volatile java.util.function.Function<String, dev.weft.connector.GrantedTokens> grants =
      instance -> dev.weft.connector.GrantedTokens.none();
  private final java.util.List<java.util.function.BiConsumer<Plan, RunResult>> failureListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public FlowRuns(Store store, Catalog catalog, Instances instances, OperatorSecrets secrets, SecretBox box, Metrics metrics,
      Connectors connectors, int threads) {
    this.store = store;
    this.catalog = catalog;
    this.instances = instances;
    this.secrets = secrets;
    this.box = box;
    this.metrics = metrics;
    this.runner = new FlowRunner(store, connectors);
    this.connectors = connectors;
    this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("weft-run-", 1).daemon(false).factory());
  }

  /** What a run will use, checked before it is queued: the version, the flow and the plan. */
  public record Plan(Instance instance, SpecVersion version, Flow flow) {}

  public Plan plan(String instanceId, String flowId) {
    Instance instance = instances.get(instanceId).orElseThrow(() -> new Refused(404, "no instance " + instanceId));
    if (!instance.enabled()) throw new Refused(409, "instance " + instanceId + " is disabled");
    SpecVersion version = catalog.resolve(instance.integrationId(), instance.version(), instance.environment())
        .orElseThrow(() -> new Refused(409, instance.environment() == Environment.PRODUCTION
            ? "integration " + instance.integrationId() + " has no approved version " + instance.version() + " for production instance " + instanceId
            : "integration " + instance.integrationId() + " has no version " + instance.version()));
    if (instance.environment() == Environment.PRODUCTION && !version.approved())
      throw new Refused(409, "version " + version.version() + " of " + instance.integrationId() + " is not approved; production instance "
          + instanceId + " runs approved versions only");
    Spec spec = version.spec();
    Flow flow = spec.flow(flowId).orElseThrow(() -> new Refused(404, "integration " + spec.id() + " has no flow " + flowId));
    if (!spec.plans().isEmpty()) {
      String plan = instance.plan().orElse("(none)");
      if (!spec.flowsOfPlan(plan).contains(flowId)) throw new Refused(403, "plan " + plan + " does not include flow " + flowId);
    }
    return new Plan(instance, version, flow);
  }

  /** The flow of the instance's version whose webhook trigger has this path. */
  public Optional<String> webhookFlow(String instanceId, String path) {
    return instances.get(instanceId)
        .flatMap(i -> catalog.resolve(i.integrationId(), i.version(), i.environment()))
        .flatMap(v -> v.spec().flows().stream()
            .filter(f -> f.trigger(dev.weft.model.Trigger.Webhook.class).map(w -> w.path().equals(path)).orElse(false))
            .map(Flow::id).findFirst());
  }

  /** A queued run: its id at once, and its result when it ends. */
  public record Submitted(String runId, CompletableFuture<RunResult> done) {}

  /**
   * Queues a run under an id chosen now; the future gives its result, or fails with {@link Refused}
   * (already running) or {@link RunStartException}.
   */
  public Submitted submit(Plan plan, String trigger, Optional<Path> payload) {
    String runId = java.util.UUID.randomUUID().toString();
    CompletableFuture<RunResult> done = new CompletableFuture<>();
    pool.execute(() -> {
      try {
        done.complete(runNow(plan, trigger, payload, false, Optional.of(runId)));
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    });
    return new Submitted(runId, done);
  }

  /**
   * Runs on the calling thread. With {@code wait} false a run of the same instance and flow in
   * progress refuses this one; with true it waits for it.
   */
  public RunResult runNow(Plan plan, String trigger, Optional<Path> payload, boolean wait) throws RunStartException {
    return runNow(plan, trigger, payload, wait, Optional.empty());
  }

  private RunResult runNow(Plan plan, String trigger, Optional<Path> payload, boolean wait, Optional<String> runId)
      throws RunStartException {
    ReentrantLock lock = running.computeIfAbsent(plan.instance().id() + "/" + plan.flow().id(), k -> new ReentrantLock());
    if (wait) lock.lock();
    else if (!lock.tryLock())
      throw new Refused(409, "flow " + plan.flow().id() + " of instance " + plan.instance().id() + " is already running");
    try {
      RunRequest request = request(plan);
      if (payload.isPresent()) request = request.withInput(payload.get());
      request = request.withTrigger(trigger);
      if (runId.isPresent()) request = request.withRunId(runId.get());
      return ended(plan, trigger, runner.run(request, ProgressListener.none()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs with {@code source} read in place of the flow's source system (an event subscription
   * feeding what arrived; the run does not close it); waits for a run of the same flow in progress.
   */
  public RunResult runFed(Plan plan, String trigger, dev.weft.connector.Source source) throws RunStartException {
    ReentrantLock lock = running.computeIfAbsent(plan.instance().id() + "/" + plan.flow().id(), k -> new ReentrantLock());
    lock.lock();
    try {
      RunRequest request = request(plan).withTrigger(trigger);
      FlowRunner fed = new FlowRunner(store, connectors.feeding(dev.weft.engine.FlowSources.sourceSystem(request), source));
      return ended(plan, trigger, fed.run(request, ProgressListener.none()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs on records delivered to the flow (a claimed batch of webhooks) under the given run id; no
   * checkpoint is read or stored, and {@code source} hears each committed batch. Waits for a run of
   * the same flow in progress.
   */
  public RunResult runDelivered(Plan plan, String trigger, dev.weft.connector.Source source, String name, String runId)
      throws RunStartException {
    ReentrantLock lock = running.computeIfAbsent(plan.instance().id() + "/" + plan.flow().id(), k -> new ReentrantLock());
    lock.lock();
    try {
      RunRequest request = request(plan).withTrigger(trigger).withRunId(runId);
      return ended(plan, trigger, runner.runDelivered(request, source, name, ProgressListener.none()));
    } finally {
      lock.unlock();
    }
  }

  /** Called after each failed run (the failure notification). */
  public void onFailure(java.util.function.BiConsumer<Plan, RunResult> listener) {
    failureListeners.add(listener);
  }

  private RunResult ended(Plan plan, String trigger, RunResult result) {
    metrics.run(result.status().name().toLowerCase(java.util.Locale.ROOT), result.counts().read(), result.counts().written());
    log.info("run {} of {}/{} ({}) ended {}", result.runId(), plan.instance().id(), plan.flow().id(), trigger, result.status());
    if (result.failure().isPresent()) failureListeners.forEach(l -> l.accept(plan, result));
    return result;
  }

  /**
   * Sends the dead letters of one flow of an instance again, with the version, config and secrets a
   * run would use now; waits for a run of that flow in progress.
   */
  public java.util.List<DeadLetterReplay.Replayed> replay(Plan plan, java.util.List<dev.weft.store.DeadLetter> letters)
      throws RunStartException {
    for (dev.weft.store.DeadLetter letter : letters)
      if (!letter.instance().equals(plan.instance().id()) || !letter.flow().equals(plan.flow().id()))
        throw new IllegalArgumentException("dead letter " + letter.id() + " is not of " + plan.instance().id() + "/" + plan.flow().id());
    ReentrantLock lock = running.computeIfAbsent(plan.instance().id() + "/" + plan.flow().id(), k -> new ReentrantLock());
    lock.lock();
    try {
      return new DeadLetterReplay(store, connectors).replay(request(plan), letters);
    } finally {
      lock.unlock();
    }
  }

  /** The connectors runs use, for plans that read what a run would. */
  Connectors connectors() {
    return connectors;
  }

  /** The request a run of this plan makes (config unsealed, operator secrets). */
  RunRequest request(Plan plan) {
    return RunRequest.of(plan.version().spec(), plan.flow().id())
        .withInstance(plan.instance().id())
        .withConfig(unsealed(plan))
        .withSecrets(resolver())
        .withSpecVersion(plan.version().version()).withGrants(grants.apply(plan.instance().id()));
  }

  /** Where runs of an instance find the OAuth 2 tokens its customer granted. */
  public void grantsFrom(java.util.function.Function<String, dev.weft.connector.GrantedTokens> grants) {
    this.grants = grants;
  }

  public boolean running(String instanceId, String flowId) {
    ReentrantLock lock = running.get(instanceId + "/" + flowId);
    return lock != null && lock.isLocked();
  }

  private Map<String, Object> unsealed(Plan plan) {
    Map<String, Object> config = new LinkedHashMap<>(plan.instance().sealedConfig());
    for (ConfigOption option : plan.version().spec().config())
      if (option.type() == ConfigOption.Type.SECRET && config.get(option.key()) instanceof String sealed)
        config.put(option.key(), box.decrypt(sealed));
    return config;
  }

  /** Operator secrets, read when a run asks for them. */
  private SecretResolver resolver() {
    return secrets::get;
  }

  public Store store() {
    return store;
  }

  /** Lets queued and running runs finish (up to the timeout), then stops. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(60, TimeUnit.SECONDS)) log.warn("runs still going after 60 s at shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
