package dev.weft.server;

import dev.weft.engine.Connectors;
import dev.weft.model.Flow;
import dev.weft.model.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event triggers of the server: one {@link EventFeed} per enabled instance and flow with an
 * {@code event} trigger that its version and plan allow. {@link #sync} follows an instance's
 * changes (enabled, disabled, deleted, another version or plan); {@link #close} stops every feed
 * after its run in progress committed.
 */
public final class EventTriggers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventTriggers.class);

  private final Instances instances;
  private final Catalog catalog;
  private final FlowRuns runs;
  private final Connectors connectors;
  private final Leases leases;
  private final Metrics metrics;
  private final EventFeed.Timing timing;
  private final Map<String, EventFeed> feeds = new java.util.concurrent.ConcurrentHashMap<>();
  private boolean open = true;

  EventTriggers(Instances instances, Catalog catalog, FlowRuns runs, Connectors connectors, Leases leases, Metrics metrics, EventFeed.Timing timing) {
    this.instances = instances;
    this.catalog = catalog;
    this.runs = runs;
    this.connectors = connectors;
    this.leases = leases;
    this.metrics = metrics;
    this.timing = timing;
    metrics.eventSubscriptions(this::active);
  }

  /** Broker subscriptions open in this process (in a cluster, each is open on one process only). */
  public int active() {
    return (int) feeds.values().stream().filter(EventFeed::subscribed).count();
  }

  /** Brings the instance's subscriptions in line with it. */
  public synchronized void sync(String instanceId) {
    if (!open) return;
    Map<String, FlowRuns.Plan> wanted = wanted(instanceId);
    for (var it = feeds.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getKey().startsWith(instanceId + "/")) continue;
      FlowRuns.Plan plan = wanted.get(e.getKey());
      if (plan != null && plan.version().version().equals(e.getValue().version())) continue;
      e.getValue().stop();
      e.getValue().await(Duration.ofMinutes(1));
      it.remove();
      log.info("event trigger of {} off", e.getKey());
    }
    wanted.forEach((key, plan) -> {
      if (feeds.containsKey(key)) return;
      EventFeed feed = new EventFeed(plan.instance().id(), plan.flow().id(), plan.version().version(), runs, connectors, leases, metrics, timing);
      feeds.put(key, feed);
      feed.start();
      log.info("event trigger of {} on: {}", key, plan.flow().trigger(Trigger.Event.class).orElseThrow());
    });
  }

  public void syncAll() {
    List<String> ids = new ArrayList<>();
    instances.all().forEach(i -> ids.add(i.id()));
    synchronized (this) {
      feeds.keySet().forEach(k -> ids.add(k.substring(0, k.indexOf('/'))));
    }
    ids.stream().distinct().forEach(this::sync);
  }

  private Map<String, FlowRuns.Plan> wanted(String instanceId) {
    Map<String, FlowRuns.Plan> out = new HashMap<>();
    Optional<Instance> instance = instances.get(instanceId).filter(Instance::enabled);
    if (instance.isEmpty()) return out;
    List<Flow> flows = catalog.resolve(instance.get().integrationId(), instance.get().version(), instance.get().environment())
        .map(v -> v.spec().flows()).orElse(List.of());
    for (Flow flow : flows) {
      if (flow.trigger(Trigger.Event.class).isEmpty()) continue;
      try {
        out.put(instanceId + "/" + flow.id(), runs.plan(instanceId, flow.id()));
      } catch (Refused e) {
        // not in the instance's plan
      }
    }
    return out;
  }

  /** Stops every subscription; runs in progress end at a batch boundary, commit, and acknowledge. */
  @Override
  public void close() {
    List<EventFeed> all;
    synchronized (this) {
      open = false;
      all = new ArrayList<>(feeds.values());
      feeds.clear();
    }
    all.forEach(EventFeed::stop);
    all.forEach(f -> f.await(Duration.ofMinutes(1)));
  }
}
