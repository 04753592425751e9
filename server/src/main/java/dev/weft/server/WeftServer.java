package dev.weft.server;

import dev.weft.engine.Connectors;
import dev.weft.model.Trigger;
import dev.weft.store.Store;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code weft serve}: loads the specs, opens the store, and serves the API, the webhooks and the
 * schedules. {@link #close()} shuts down in order: intake first, then the inbox writer drains, the
 * worker finishes its row, schedules and runs finish, and the store closes.
 */
public final class WeftServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WeftServer.class);
  /** Pending connections the kernel holds for the server (capped by net.core.somaxconn). */
  static final int ACCEPT_QUEUE = 1024;

  /**
   * @param port 0 for any free port
   * @param masterKey base64 of 32 bytes ({@code WEFT_MASTER_KEY}); else {@code keyFile}, created when missing
   * @param adminToken {@code WEFT_ADMIN_TOKEN}; without it an admin token is created on first start
   */
  public record Settings(Path specs, String storeUrl, String host, int port, Optional<String> masterKey, Path keyFile,
      Optional<String> adminToken, int bodyLimit, int runThreads, Duration schedulePolling, Function<String, Optional<String>> env,
      Connectors connectors) {
    public static final int DEFAULT_BODY_LIMIT = 1024 * 1024;

    public Settings {
      Objects.requireNonNull(specs, "specs");
      Objects.requireNonNull(storeUrl, "storeUrl");
    }

    public static Settings of(Path specs, String storeUrl, int port) {
      return new Settings(specs, storeUrl, "0.0.0.0", port, Optional.ofNullable(System.getenv("WEFT_MASTER_KEY")),
          Path.of(".weft", "master.key"), Optional.ofNullable(System.getenv("WEFT_ADMIN_TOKEN")), DEFAULT_BODY_LIMIT, 4,
          Duration.ofSeconds(10), name -> Optional.ofNullable(System.getenv(name)), Connectors.discovered());
    }
  }

  private final Settings settings;
  private final Store store;
  private final Catalog catalog;
  private final Instances instances;
  private final FlowRuns runs;
  private final Inbox inbox;
  private final InboxWorker worker;
  private final FlowSchedules schedules;
  private final Leases leases;
  private final EventTriggers events;
  private final FailureNotifier notifier;
  private final Tokens tokens;
  private final OperatorSecrets secrets;
  private final Optional<String> createdAdminToken;
  private final List<String> skippedSpecs;
  private final Javalin app;
  private volatile String baseUrl;

  private WeftServer(Settings s, ServerTuning tuning) {
    this.settings = s;
    this.store = Store.open(s.storeUrl());
    try {
      SecretBox box = SecretBox.load(s.masterKey(), s.keyFile());
      Metrics metrics = new Metrics();
      this.catalog = new Catalog(store.dataSource());
      this.skippedSpecs = catalog.load(s.specs());
      this.instances = new Instances(store.dataSource());
      this.secrets = new OperatorSecrets(store.dataSource(), box);
      this.tokens = new Tokens(store.dataSource());
      s.adminToken().ifPresent(t -> tokens.register(t, new Caller.Admin()));
      this.createdAdminToken = tokens.anyAdmin() ? Optional.empty() : Optional.of(tokens.create(new Caller.Admin()));
      this.runs = new FlowRuns(store, catalog, instances, secrets, box, metrics, s.connectors(), s.runThreads());
      OAuthGrants grants = new OAuthGrants(store.dataSource(), box);
      OAuthConnect connect = new OAuthConnect(store.dataSource(), catalog, instances, secrets, box, grants, tokens, s.env(),
          () -> s.env().apply("WEFT_PUBLIC_URL").map(u -> u.replaceAll("/+$", "")).orElse(baseUrl));
      runs.grantsFrom(instance -> grants.of(instance, system -> connect.hint(instance, system)));
      this.notifier = new FailureNotifier(store, secrets, box, s.env(), metrics, tuning.notifyAttempts(), tuning.notifyBackoff());
      runs.onFailure(notifier::failed);
      this.leases = new Leases(store.dataSource(), "weft-" + java.util.UUID.randomUUID().toString().substring(0, 8), tuning.lease());
      this.inbox = new Inbox(store.dataSource());
      this.worker = new InboxWorker(store, runs, leases.me(), tuning.lease(), tuning.inbox());
      inbox.onCommit(worker::arrived);
      InboxDeliveries deliveries = new InboxDeliveries(store.dataSource());
      metrics.queueDepth("pending", () -> inbox.queued() + deliveries.depth().get(InboxDeliveries.Status.PENDING));
      metrics.queueDepth("retrying", () -> deliveries.depth().get(InboxDeliveries.Status.RETRYING));
      metrics.queueDepth("failed", () -> deliveries.depth().get(InboxDeliveries.Status.FAILED));
      List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> housekeeping = tuning.keepRuns()
          .<List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>>>map(
              keep -> List.of(new Retention(store.dataSource(), keep, metrics).task(tuning.pruneEvery())))
          .orElse(List.of());
      this.schedules = new FlowSchedules(store.dataSource(), runs, catalog, s.schedulePolling(), housekeeping);
      this.events = new EventTriggers(instances, catalog, runs, s.connectors(), leases, metrics,
          new EventFeed.Timing(tuning.eventQuiet(), tuning.eventLongest(), tuning.eventRetry()));
      InstanceEditor editor = new InstanceEditor(catalog, instances, box);
      Webhooks webhooks = new Webhooks(instances, runs, secrets, box, inbox, metrics, s.bodyLimit(), s.env());
      Api[] api = new Api[1];
      this.app = Javalin.create(c -> {
        c.concurrency.useVirtualThreads = true;
        c.http.maxRequestSize = s.bodyLimit() + 1L;
        c.jetty.host = s.host();
        c.jetty.port = s.port();
        // A burst of webhook senders connecting at once overflows the JVM's default accept backlog
        // of 50: the kernel drops their SYNs and a sender with a short connect timeout gives up.
        c.jetty.addConnector((server, http) -> {
          org.eclipse.jetty.server.ServerConnector connector =
              new org.eclipse.jetty.server.ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
          connector.setHost(s.host());
          connector.setPort(s.port());
          connector.setAcceptQueueSize(ACCEPT_QUEUE);
          return connector;
        });
        c.startup.showJavalinBanner = false;
        webhooks.register(c);
        api[0] = new Api(store, catalog, instances, editor, runs, schedules, secrets, tokens, metrics, "");
        api[0].register(c);
        connect.register(c);
        new InboxRoutes(instances, deliveries, worker::wake).register(c);
        ServerServices services = new ServerServices(store, catalog, instances, editor, runs, schedules, tokens, () -> baseUrl,
            new ServerServices.Resync() {
              public void instance(String id) { api[0].resync(id); }
              public void all() { api[0].resyncAll(); }
            });
        for (ServerExtension extension : java.util.ServiceLoader.load(ServerExtension.class)) extension.register(c, services);
      });
      app.start();
      String host = s.host().equals("0.0.0.0") ? "localhost" : s.host();
      this.baseUrl = "http://" + host + ":" + app.port();
      api[0].baseUrl(baseUrl);
      api[0].alsoResync(events::sync);
      worker.start();
      schedules.start();
      api[0].resyncAll();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  public static WeftServer start(Settings settings) {
    return new WeftServer(settings, ServerTuning.defaults());
  }

  public static WeftServer start(Settings settings, ServerTuning tuning) {
    return new WeftServer(settings, tuning);
  }

  public int port() {
    return app.port();
  }

  public String url() {
    return baseUrl;
  }

  /** The admin token made on this start (none existed and none was given); shown once. */
  public Optional<String> createdAdminToken() {
    return createdAdminToken;
  }

  /** Spec files not loaded, with why. */
  public List<String> skippedSpecs() {
    return skippedSpecs;
  }

  public List<String> integrations() {
    return catalog.integrations();
  }

  /** Every webhook URL of every enabled instance. */
  public List<String> webhookUrls() {
    List<String> urls = new ArrayList<>();
    for (Instance i : instances.all()) {
      if (!i.enabled()) continue;
      catalog.resolve(i.integrationId(), i.version(), i.environment()).ifPresent(v -> v.spec().flows().forEach(f ->
          f.trigger(Trigger.Webhook.class).ifPresent(w -> urls.add(baseUrl + "/hooks/" + i.id() + "/" + w.path()))));
    }
    return urls;
  }

  public Store store() {
    return store;
  }

  public FlowSchedules schedules() {
    return schedules;
  }

  public EventTriggers events() {
    return events;
  }

  public Inbox inbox() {
    return inbox;
  }

  public OperatorSecrets secrets() {
    return secrets;
  }

  public Catalog catalog() {
    return catalog;
  }

  @Override
  public void close() {
    log.info("weft serve stopping: intake first, then running work, then the store");
    app.stop();
    inbox.close();
    events.close();
    worker.close();
    schedules.close();
    runs.close();
    notifier.close();
    leases.close();
    store.close();
  }
}
