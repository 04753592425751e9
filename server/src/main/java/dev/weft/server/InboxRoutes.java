package dev.weft.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/instances/{id}/deliveries?status=&flow=&limit=}: an instance's webhook deliveries
 * (without bodies) with their status, attempts and last error; {@code POST .../deliveries/replay}
 * and {@code POST .../deliveries/{delivery}/replay}: failed deliveries become pending again. A
 * customer token sees only its customer's instances.
 */
final class InboxRoutes {
  private final Instances instances;
  private final InboxDeliveries deliveries;
  private final Runnable wake;

  InboxRoutes(Instances instances, InboxDeliveries deliveries, Runnable wake) {
    this.instances = instances;
    this.deliveries = deliveries;
    this.wake = wake;
  }

  void register(JavalinConfig c) {
    c.routes.get("/api/instances/{id}/deliveries", ctx -> {
      Instance i = visible(ctx);
      Optional<InboxDeliveries.Status> status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank())
          .map(s -> InboxDeliveries.Status.parse(s).orElseThrow(
              () -> Invalid.of("status", "must be one of pending, retrying, failed, processed (got " + s + ")")));
      int limit = limit(ctx.queryParam("limit"));
      Api.json(ctx, 200, deliveries.list(i.id(), status, Optional.ofNullable(ctx.queryParam("flow")), limit).stream()
          .map(InboxRoutes::view).toList());
    });
    c.routes.post("/api/instances/{id}/deliveries/replay", ctx -> replayed(ctx, visible(ctx), Optional.empty()));
    c.routes.post("/api/instances/{id}/deliveries/{delivery}/replay", ctx -> {
      Instance i = visible(ctx);
      long id;
      try {
        id = Long.parseLong(ctx.pathParam("delivery"));
      } catch (NumberFormatException e) {
        throw new Refused(404, "no delivery " + ctx.pathParam("delivery"));
      }
      int n = deliveries.replay(i.id(), Optional.of(id));
      if (n == 0) throw new Refused(404, "no failed delivery " + id + " of instance " + i.id());
      wake.run();
      Api.json(ctx, 200, Map.of("replayed", n));
    });
  }

  private void replayed(Context ctx, Instance i, Optional<Long> id) {
    int n = deliveries.replay(i.id(), id);
    if (n > 0) wake.run();
    Api.json(ctx, 200, Map.of("replayed", n));
  }

  private static int limit(String given) {
    if (given == null || given.isBlank()) return 100;
    try {
      int n = Integer.parseInt(given);
      if (n >= 1 && n <= 1000) return n;
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw Invalid.of("limit", "must be a number from 1 to 1000 (got " + given + ")");
  }

  private Instance visible(Context ctx) {
    String id = ctx.pathParam("id");
    return instances.get(id).filter(i -> Api.caller(ctx).sees(i.customer())).orElseThrow(() -> new Refused(404, "no instance " + id));
  }

  private static Map<String, Object> view(InboxDeliveries.Delivery d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", d.id());
    out.put("flow", d.flow());
    out.put("delivery_id", d.deliveryId().orElse(null));
    out.put("status", d.status().label());
    out.put("received_at", d.receivedAt().toString());
    out.put("attempts", d.attempts());
    out.put("next_attempt_at", d.nextAttemptAt().map(Object::toString).orElse(null));
    out.put("last_error", d.lastError().orElse(null));
    out.put("run_id", d.runId().orElse(null));
    out.put("processed_at", d.doneAt().map(Object::toString).orElse(null));
    out.put("failed_at", d.failedAt().map(Object::toString).orElse(null));
    return out;
  }
}
