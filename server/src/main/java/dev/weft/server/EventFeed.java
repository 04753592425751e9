package dev.weft.server;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Source;
import dev.weft.engine.Connectors;
import dev.weft.engine.FlowSources;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.RunStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event trigger of one flow of one instance: holds the broker subscription open (in a cluster,
 * only the process holding its lease does), and when messages arrive runs the flow on them through
 * {@link FedSource}. Messages are acknowledged batch by batch once the run committed them; a failed
 * run or a lost connection closes the subscription, so what was not acknowledged comes again, and
 * it reopens after {@code retry}.
 */
final class EventFeed {
  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

  /** How event runs are cut from the stream of messages. */
  record Timing(Duration quiet, Duration longest, Duration retry) {}

  private final String instanceId;
  private final String flowId;
  private final String version;
  private final FlowRuns runs;
  private final Connectors connectors;
  private final Leases leases;
  private final Metrics metrics;
  private final Timing timing;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean subscribed;

  EventFeed(String instanceId, String flowId, String version, FlowRuns runs, Connectors connectors, Leases leases, Metrics metrics,
      Timing timing) {
    this.instanceId = instanceId;
    this.flowId = flowId;
    this.version = version;
    this.runs = runs;
    this.connectors = connectors;
    this.leases = leases;
    this.metrics = metrics;
    this.timing = timing;
    this.thread = Thread.ofPlatform().name("weft-event-" + instanceId + "-" + flowId).daemon().unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  /** True while the broker subscription is open (in a cluster, on one process only). */
  boolean subscribed() {
    return subscribed;
  }

  String version() {
    return version;
  }

  private String lease() {
    return "event:" + instanceId + "/" + flowId;
  }

  private boolean go() {
    return running && leases.holds(lease());
  }

  private void loop() {
    while (running) {
      if (!leases.acquire(lease())) {
        pause(leases.length().dividedBy(3));
        continue;
      }
      try {
        subscribe();
      } catch (ConnectorException e) {
        if (running) log.warn("event trigger of {}/{}: {}; retrying in {}", instanceId, flowId, e.userMessage(), timing.retry());
      } catch (RunStartException | Refused e) {
        if (running) log.warn("event trigger of {}/{} cannot run: {}; retrying in {}", instanceId, flowId, e.getMessage(), timing.retry());
      } catch (RuntimeException e) {
        if (running) log.warn("event trigger of {}/{} failed; retrying in {}", instanceId, flowId, timing.retry(), e);
      }
      pause(timing.retry());
    }
    leases.release(lease());
  }

  /** One subscription: reads until stopped; returns or throws to be reopened. */
  private void subscribe() throws ConnectorException, RunStartException {
    FlowRuns.Plan plan = runs.plan(instanceId, flowId);
    RunRequest request = runs.request(plan);
    Path work = workDir();
    try (Source source = FlowSources.open(connectors, request,
        new RunInfo("subscription", plan.version().integrationId(), instanceId, Instant.now(), work))) {
      subscribed = true;
      log.info("event trigger of {}/{} subscribed", instanceId, flowId);
      Checkpoint at = Checkpoint.START;
      while (go()) {
        Batch batch = source.read(at, RunRequest.DEFAULT_BATCH);
        if (batch.records().isEmpty()) continue;
        FedSource fed = new FedSource(source, batch, timing.quiet(), timing.longest(), this::go);
        RunResult result = runs.runFed(runs.plan(instanceId, flowId), "event", fed);
        metrics.events(instanceId, fed.records());
        if (!result.succeeded()) {
          log.warn("event run {} of {}/{} failed; the messages not committed come again in {}", result.runId(), instanceId, flowId,
              timing.retry());
          return;
        }
        at = fed.at();
      }
    } finally {
      subscribed = false;
      work.toFile().delete();
    }
  }

  private static Path workDir() {
    try {
      return Files.createTempDirectory("weft-event-");
    } catch (java.io.IOException e) {
      return Path.of(System.getProperty("java.io.tmpdir"));
    }
  }

  private void pause(Duration d) {
    try {
      stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops taking messages; the run in progress ends at its next batch boundary and commits first. */
  void stop() {
    running = false;
    stopping.countDown();
  }

  void await(Duration atMost) {
    try {
      thread.join(atMost);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
