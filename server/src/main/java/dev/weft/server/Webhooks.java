package dev.weft.server;

import com.fasterxml.jackson.core.JsonParser;
import dev.weft.model.ConfigOption;
import dev.weft.model.Trigger;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    Optional<Route> found = route(instanceId, path);
    if (found.isEmpty()) {
      metrics.webhook("not_found");
      Api.json(ctx, 404, Map.of("error", "no webhook " + path + " on instance " + instanceId));
      return;
    }
    Route route = found.get();
    Optional<byte[]> read = body(ctx);
    if (read.isEmpty()) {
      metrics.webhook("too_large");
      Api.json(ctx, 413, Map.of("error", "the body is larger than " + bodyLimit + " bytes"));
      return;
    }
    byte[] body = read.get();
    if (route.verify().isPresent() && !signed(route, ctx, body)) {
      metrics.webhook("unauthorized");
      Api.json(ctx, 401, Map.of("error", "the signature is missing or wrong"));
      return;
    }
    if (!isJson(body)) {
      metrics.webhook("bad_body");
      Api.json(ctx, 400, Map.of("error", "the body is not JSON"));
      return;
    }
    String payload = new String(body, StandardCharsets.UTF_8);
    Inbox.Accepted accepted;
    try {
      accepted = inbox.submit(new Inbox.Delivery(instanceId, route.plan().flow().id(), deliveryId(ctx), payload)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refused r) throw r;
      log.error("webhook for {}/{} not stored: {}", instanceId, path, e.getCause().toString());
      Api.json(ctx, 503, Map.of("error", "the webhook could not be stored; send it again"));
      return;
    }
    metrics.webhook(accepted.repeat() ? "repeated" : "accepted");
    ctx.status(accepted.repeat() ? 200 : 202).contentType("application/json")
        .result("{\"id\":" + accepted.id() + (accepted.repeat() ? ",\"repeat\":true}" : "}"));
  }

  /** The body, read straight from the request; empty when it is larger than the limit. */
  private Optional<byte[]> body(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > bodyLimit) return Optional.empty();
    InputStream in = ctx.req().getInputStream();
    byte[] body = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes(bodyLimit + 1);
    return body.length > bodyLimit ? Optional.empty() : Optional.of(body);
  }

  /** One JSON value and nothing after it, checked by reading its tokens (no tree is built). */
  static boolean isJson(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() == null) return false;
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<String> deliveryId(Context ctx) {
    for (String name : DELIVERY_HEADERS) {
      String value = ctx.header(name);
      if (value != null && !value.isBlank()) return Optional.of(value);
    }
    return Optional.empty();
  }

  /**
   * Where a webhook path leads: the plan of the flow, how it is signed, and the signature check
   * with its secret (when it verifies and the secret has a value). {@code refreshing} is set while
   * one request looks the route up again.
   */
  private record Route(FlowRuns.Plan plan, Optional<Trigger.Verify> verify, Optional<WebhookSignature> signature, long foundNanos,
      AtomicBoolean refreshing) {}

  private static final long ROUTE_TTL_NANOS = 1_000_000_000L;

  private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>();

  /**
   * The route of the instance's webhook path. A found one is kept for {@link #ROUTE_TTL_NANOS}: a
   * burst of webhooks asks the store and decrypts the secret once a second, not for each webhook
   * (an instance disabled or changed meanwhile takes up to that long to show here). When it is due,
   * one request looks it up again while the others keep using the one they have.
   */
  private Optional<Route> route(String instanceId, String path) {
    String key = instanceId + '\n' + path;
    Route cached = routes.get(key);
    long now = System.nanoTime();
    if (cached != null && (now - cached.foundNanos() < ROUTE_TTL_NANOS || !cached.refreshing().compareAndSet(false, true)))
      return Optional.of(cached);
    try {
      Optional<Route> route = instances.get(instanceId).filter(Instance::enabled).flatMap(i -> planFor(i, path)).map(plan -> {
        Optional<Trigger.Verify> verify = plan.flow().trigger(Trigger.Webhook.class).flatMap(Trigger.Webhook::verify);
        Optional<WebhookSignature> signature = verify.flatMap(v -> secretOf(plan, v).map(secret -> new WebhookSignature(v, secret)));
        return new Route(plan, verify, signature, now, new AtomicBoolean());
      });
      if (route.isPresent()) routes.put(key, route.get());
      else routes.remove(key);
      return route;
    } finally {
      if (cached != null) cached.refreshing().set(false);
    }
  }

  private Optional<FlowRuns.Plan> planFor(Instance instance, String path) {
    try {
      return runs.webhookFlow(instance.id(), path).map(flow -> runs.plan(instance.id(), flow));
    } catch (Refused e) {
      return Optional.empty();
    }
  }

  private Optional<String> secretOf(FlowRuns.Plan plan, Trigger.Verify verify) {
    Map<String, Object> config = plan.instance().sealedConfig();
    Function<String, Optional<String>> configValue = key -> Optional.ofNullable(config.get(key)).map(v -> {
      boolean secret = plan.version().spec().configOption(key).map(o -> o.type() == ConfigOption.Type.SECRET).orElse(false);
      return secret ? box.decrypt(String.valueOf(v)) : String.valueOf(v);
    });
    return Placeholders.resolve(verify.secret(), configValue, secrets::get, env);
  }

  private boolean signed(Route route, Context ctx, byte[] body) {
    if (route.signature().isEmpty()) {
      log.warn("webhook of {}/{}: its signing secret has no value; refused", route.plan().instance().id(), route.plan().flow().id());
      return false;
    }
    return route.signature().get().valid(name -> Optional.ofNullable(ctx.header(name)), body, Instant.now());
  }
}
