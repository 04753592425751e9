package dev.weft.server;

import dev.weft.model.ConfigOption;
import dev.weft.model.Trigger;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/{instance}/{path}}: finds the instance's flow with that webhook path, checks
 * the body size and the signature, and answers 202 only once the delivery is committed to the inbox.
 * A forged or unsigned request gets 401 and a counter, nothing stored.
 */
final class Webhooks {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
  static final List<String> DELIVERY_HEADERS = List.of("X-Delivery-Id", "X-GitHub-Delivery", "Idempotency-Key");

  private final Instances instances;
  private final FlowRuns runs;
  private final OperatorSecrets secrets;
  private final SecretBox box;
  private final Inbox inbox;
  private final Metrics metrics;
  private final int bodyLimit;
  private final Function<String, Optional<String>> env;

  Webhooks(Instances instances, FlowRuns runs, OperatorSecrets secrets, SecretBox box, Inbox inbox, Metrics metrics, int bodyLimit,
      Function<String, Optional<String>> env) {
    this.instances = instances;
    this.runs = runs;
    this.secrets = secrets;
    this.box = box;
    this.inbox = inbox;
    this.metrics = metrics;
    this.bodyLimit = bodyLimit;
    this.env = env;
  }

  void register(JavalinConfig c) {
    c.routes.post("/hooks/{instance}/{path}", this::receive);
  }

  private void receive(Context ctx) throws Exception {
    String instanceId = ctx.pathParam("instance");
    String path = ctx.pathParam("path");
    Optional<Route> route = route(instanceId, path);
    Optional<FlowRuns.Plan> plan = route.map(Route::plan);
    if (plan.isEmpty()) {
      metrics.webhook("not_found");
      Api.json(ctx, 404, Map.of("error", "no webhook " + path + " on instance " + instanceId));
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > bodyLimit) {
      metrics.webhook("too_large");
      Api.json(ctx, 413, Map.of("error", "the body is larger than " + bodyLimit + " bytes"));
      return;
    }
    Trigger.Webhook hook = plan.get().flow().trigger(Trigger.Webhook.class).orElseThrow();
    if (hook.verify().isPresent() && !signed(route.get(), hook.verify().get(), ctx, body)) {
      metrics.webhook("unauthorized");
      Api.json(ctx, 401, Map.of("error", "the signature is missing or wrong"));
      return;
    }
    String payload = new String(body, StandardCharsets.UTF_8);
    try {
      Json.MAPPER.readTree(payload);
    } catch (java.io.IOException e) {
      metrics.webhook("bad_body");
      Api.json(ctx, 400, Map.of("error", "the body is not JSON"));
      return;
    }
    Optional<String> deliveryId = DELIVERY_HEADERS.stream().map(ctx::header).filter(h -> h != null && !h.isBlank()).findFirst();
    Inbox.Accepted accepted;
    try {
      accepted = inbox.submit(new Inbox.Delivery(instanceId, plan.get().flow().id(), deliveryId, payload)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refused r) throw r;
      log.error("webhook for {}/{} not stored: {}", instanceId, path, e.getCause().toString());
      Api.json(ctx, 503, Map.of("error", "the webhook could not be stored; send it again"));
      return;
    }
    metrics.webhook(accepted.repeat() ? "repeated" : "accepted");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", accepted.id());
    if (accepted.repeat()) out.put("repeat", true);
    Api.json(ctx, accepted.repeat() ? 200 : 202, out);
  }

  /** Where a webhook path leads: the plan of the flow, and its signing secret (when it verifies and has one). */
  private record Route(FlowRuns.Plan plan, Optional<String> secret, long foundNanos) {}

  private static final long ROUTE_TTL_NANOS = 1_000_000_000L;

  private final java.util.concurrent.ConcurrentHashMap<String, Route> routes = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The route of the instance's webhook path. A found one is kept for {@link #ROUTE_TTL_NANOS}: a
   * burst of webhooks asks the store and decrypts the secret once a second, not for each webhook
   * (an instance disabled or changed meanwhile takes up to that long to show here).
   */
  private Optional<Route> route(String instanceId, String path) {
    String key = instanceId + '\n' + path;
    Route cached = routes.get(key);
    long now = System.nanoTime();
    if (cached != null && now - cached.foundNanos() < ROUTE_TTL_NANOS) return Optional.of(cached);
    Optional<Route> route = instances.get(instanceId).filter(Instance::enabled).flatMap(i -> planFor(i, path))
        .map(plan -> new Route(plan, secretOf(plan), now));
    if (route.isPresent()) routes.put(key, route.get());
    else routes.remove(key);
    return route;
  }

  private Optional<FlowRuns.Plan> planFor(Instance instance, String path) {
    try {
      return runs.webhookFlow(instance.id(), path).map(flow -> runs.plan(instance.id(), flow));
    } catch (Refused e) {
      return Optional.empty();
    }
  }

  private Optional<String> secretOf(FlowRuns.Plan plan) {
    Optional<Trigger.Verify> verify = plan.flow().trigger(Trigger.Webhook.class).flatMap(Trigger.Webhook::verify);
    if (verify.isEmpty()) return Optional.empty();
    Map<String, Object> config = plan.instance().sealedConfig();
    Function<String, Optional<String>> configValue = key -> Optional.ofNullable(config.get(key)).map(v -> {
      boolean secret = plan.version().spec().configOption(key).map(o -> o.type() == ConfigOption.Type.SECRET).orElse(false);
      return secret ? box.decrypt(String.valueOf(v)) : String.valueOf(v);
    });
    return Placeholders.resolve(verify.get().secret(), configValue, secrets::get, env);
  }

  private boolean signed(Route route, Trigger.Verify verify, Context ctx, byte[] body) {
    if (route.secret().isEmpty()) {
      log.warn("webhook of {}/{}: its signing secret has no value; refused", route.plan().instance().id(), route.plan().flow().id());
      return false;
    }
    return WebhookSignature.valid(verify, route.secret().get(), name -> Optional.ofNullable(ctx.header(name)), body, Instant.now());
  }
}
