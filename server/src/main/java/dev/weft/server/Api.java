package dev.weft.server;

import dev.weft.engine.RunStartException;
import dev.weft.model.Spec;
import dev.weft.store.DeadLetter;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The REST API under {@code /api}, with {@code /health}, {@code /metrics} and {@code /openapi.json}. */
final class Api {
  private static final String CALLER = "weft.caller";

  private final Store store;
  private final Catalog catalog;
  private final Instances instances;
  private final InstanceEditor editor;
  private final FlowRuns runs;
  private final FlowSchedules schedules;
  private final OperatorSecrets secrets;
  private final Tokens tokens;
  private final Metrics metrics;
  private volatile String baseUrl;
  private final List<java.util.function.Consumer<String>> resyncListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  Api(Store store, Catalog catalog, Instances instances, InstanceEditor editor, FlowRuns runs, FlowSchedules schedules,
      OperatorSecrets secrets, Tokens tokens, Metrics metrics, String baseUrl) {
    this.store = store;
    this.catalog = catalog;
    this.instances = instances;
    this.editor = editor;
    this.runs = runs;
    this.schedules = schedules;
    this.secrets = secrets;
    this.tokens = tokens;
    this.metrics = metrics;
    this.baseUrl = baseUrl;
  }

  void baseUrl(String url) {
    this.baseUrl = url;
  }

  void register(JavalinConfig c) {
    c.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "instances", instances.all().size())));
    c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
    c.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
    c.routes.before("/api/*", this::authenticate);

    c.routes.get("/api/integrations", ctx -> json(ctx, 200, catalog.integrations().stream().map(this::integration).toList()));
    c.routes.get("/api/integrations/{id}/versions", ctx -> {
      List<SpecVersion> versions = catalog.versions(ctx.pathParam("id"));
      if (versions.isEmpty()) throw new Refused(404, "no integration " + ctx.pathParam("id"));
      json(ctx, 200, versions.stream().map(Api::version).toList());
    });
    c.routes.post("/api/integrations/{id}/versions/{v}/approve", ctx -> {
      admin(ctx);
      SpecVersion v = catalog.find(ctx.pathParam("id"), ctx.pathParam("v"))
          .orElseThrow(() -> new Refused(404, "no version " + ctx.pathParam("v") + " of " + ctx.pathParam("id")));
      String by = Optional.ofNullable(body(ctx).get("by")).map(String::valueOf).orElse("admin");
      catalog.approve(v.integrationId(), v.version(), by);
      resyncAll();
      json(ctx, 200, version(catalog.find(v.integrationId(), v.version()).orElseThrow()));
    });

    c.routes.get("/api/instances", ctx -> json(ctx, 200, visibleInstances(caller(ctx)).stream().map(this::view).toList()));
    c.routes.post("/api/instances", ctx -> {
      Map<String, Object> body = adminFieldsOnlyFromAdmins(ctx);
      Instance created = editor.create(caller(ctx), body);
      instances.put(created);
      resync(created.id());
      json(ctx, 201, view(created));
    });
    c.routes.get("/api/instances/{id}", ctx -> json(ctx, 200, view(visible(ctx))));
    c.routes.put("/api/instances/{id}", ctx -> {
      Instance current = visible(ctx);
      Instance changed = editor.update(current, adminFieldsOnlyFromAdmins(ctx));
      instances.put(changed);
      resync(changed.id());
      json(ctx, 200, view(changed));
    });
    c.routes.delete("/api/instances/{id}", ctx -> {
      Instance gone = visible(ctx);
      instances.delete(gone.id());
      resync(gone.id());
      ctx.status(204);
    });
    c.routes.post("/api/instances/{id}/enable", ctx -> json(ctx, 200, view(setEnabled(visible(ctx), true))));
    c.routes.post("/api/instances/{id}/disable", ctx -> json(ctx, 200, view(setEnabled(visible(ctx), false))));
    c.routes.post("/api/instances/{id}/flows/{flow}/runs", this::trigger);
    c.routes.get("/api/instances/{id}/flows/{flow}/plan", ctx -> json(ctx, 200,
        PlanPreview.of(runs, store, runs.plan(visible(ctx).id(), ctx.pathParam("flow")), ctx.queryParam("limit"))));
    c.routes.get("/api/instances/{id}/dead-letters", ctx -> {
      Instance i = visible(ctx);
      json(ctx, 200, store.deadLetters().pending(i.id(), Optional.ofNullable(ctx.queryParam("flow")), 500).stream().map(Api::letter).toList());
    });

    c.routes.get("/api/runs", ctx -> {
      Map<String, String> query = new LinkedHashMap<>();
      ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
      RunListing.Filter filter = RunListing.filter(query, java.time.Instant.now());
      Caller caller = caller(ctx);
      if (caller instanceof Caller.Customer) filter.instance().ifPresent(i -> visible(caller, i));
      Optional<List<String>> seen = caller instanceof Caller.Admin ? Optional.empty()
          : Optional.of(visibleInstances(caller).stream().map(Instance::id).toList());
      json(ctx, 200, new RunListing(store).list(filter, seen).stream().map(Api::run).toList());
    });
    c.routes.get("/api/runs/{id}", ctx -> {
      RunRecord r = store.runs().get(ctx.pathParam("id")).filter(run -> instances.get(run.instance())
              .map(i -> caller(ctx).sees(i.customer())).orElse(caller(ctx) instanceof Caller.Admin))
          .orElseThrow(() -> new Refused(404, "no run " + ctx.pathParam("id")));
      Map<String, Object> out = run(r);
      out.put("log", store.runs().logOf(r.id()).stream().map(l -> Map.of("at", l.at().toString(), "level", l.level(), "message", l.message())).toList());
      json(ctx, 200, out);
    });

    new TokenRoutes(tokens).register(c);
    c.routes.get("/api/secrets", ctx -> {
      admin(ctx);
      json(ctx, 200, Map.of("names", secrets.names()));
    });
    c.routes.put("/api/secrets/{name}", ctx -> {
      admin(ctx);
      Object value = body(ctx).get("value");
      if (value == null) throw Invalid.of("value", "is required");
      secrets.set(ctx.pathParam("name"), String.valueOf(value));
      ctx.status(204);
    });

    c.routes.exception(Refused.class, (e, ctx) -> json(ctx, e.status(), Map.of("error", e.getMessage())));
    c.routes.exception(Invalid.class, (e, ctx) -> json(ctx, 422, Map.of("errors", e.errors())));
  }

  /** A customer configures its instances; only an admin sets the plan, the version or production. */
  private static Map<String, Object> adminFieldsOnlyFromAdmins(Context ctx) {
    Map<String, Object> body = body(ctx);
    if (caller(ctx) instanceof Caller.Customer
        && (body.containsKey("plan") || body.containsKey("version") || "production".equals(body.get("environment"))))
      throw new Refused(403, "only an admin sets an instance's plan, version or production environment");
    return body;
  }

  private void trigger(Context ctx) throws Exception {
    Instance i = visible(ctx);
    FlowRuns.Plan plan = runs.plan(i.id(), ctx.pathParam("flow"));
    if (runs.running(i.id(), plan.flow().id()))
      throw new Refused(409, "flow " + plan.flow().id() + " of instance " + i.id() + " is already running");
    FlowRuns.Submitted run = runs.submit(plan, "manual", Optional.empty());
    try {
      run.done().get(2, TimeUnit.SECONDS); // a run that cannot start says so in the answer
    } catch (TimeoutException stillRunning) {
      // answered with its id; GET /api/runs/{id} follows it
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refused r) throw r;
      if (e.getCause() instanceof RunStartException s) throw new Refused(409, s.getMessage());
      throw e;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", run.runId());
    out.put("instance", i.id());
    out.put("flow", plan.flow().id());
    json(ctx, 202, out);
  }

  private Instance setEnabled(Instance i, boolean on) {
    Instance changed = i.withEnabled(on);
    instances.put(changed);
    resync(i.id());
    return changed;
  }

  void resync(String instanceId) {
    Optional<Instance> instance = instances.get(instanceId);
    List<dev.weft.model.Flow> flows = instance
        .flatMap(i -> catalog.resolve(i.integrationId(), i.version(), i.environment()))
        .map(v -> v.spec().flows()).orElse(List.of());
    resyncListeners.forEach(l -> l.accept(instanceId));
    if (instance.isEmpty() || flows.isEmpty()) {
      // deleted, or no runnable version: switch off whatever any version scheduled
      for (String integration : catalog.integrations())
        for (SpecVersion v : catalog.versions(integration)) schedules.sync(Optional.empty(), instanceId, v.spec().flows());
      return;
    }
    schedules.sync(instance, instanceId, flows);
  }

  /** Also told of every instance brought in line (event triggers follow instances like schedules). */
  void alsoResync(java.util.function.Consumer<String> listener) {
    resyncListeners.add(listener);
  }

  void resyncAll() {
    instances.all().forEach(i -> resync(i.id()));
  }

  private void authenticate(Context ctx) {
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    if (!header.startsWith("Bearer ")) throw new Refused(401, "send Authorization: Bearer <token>");
    Caller caller = tokens.find(header.substring(7).trim()).orElseThrow(() -> new Refused(401, "unknown token"));
    ctx.attribute(CALLER, caller);
  }

  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) throw new Refused(401, "send Authorization: Bearer <token>");
    return caller;
  }

  static void admin(Context ctx) {
    if (!(caller(ctx) instanceof Caller.Admin)) throw new Refused(403, "this needs an admin token");
  }

  private List<Instance> visibleInstances(Caller caller) {
    return switch (caller) {
      case Caller.Admin a -> instances.all();
      case Caller.Customer c -> instances.ofCustomer(c.customer());
    };
  }

  private Instance visible(Context ctx) {
    return visible(caller(ctx), ctx.pathParam("id"));
  }

  /** Another customer's instance is answered exactly like a missing one. */
  private Instance visible(Caller caller, String id) {
    return instances.get(id).filter(i -> caller.sees(i.customer())).orElseThrow(() -> new Refused(404, "no instance " + id));
  }

  private Map<String, Object> view(Instance i) {
    Optional<Spec> spec = catalog.resolve(i.integrationId(), i.version(), Environment.TEST).map(SpecVersion::spec);
    return InstanceEditor.view(i, spec, baseUrl);
  }

  private Map<String, Object> integration(String id) {
    List<SpecVersion> versions = catalog.versions(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("name", versions.get(0).spec().name());
    out.put("latest", versions.get(0).version());
    out.put("latest_approved", versions.stream().filter(SpecVersion::approved).findFirst().map(SpecVersion::version).orElse(null));
    out.put("flows", versions.get(0).spec().flows().stream().map(f -> f.id()).toList());
    out.put("plans", versions.get(0).spec().plans());
    out.put("config", versions.get(0).spec().config().stream().map(o -> {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("key", o.key());
      option.put("label", o.label().orElse(o.key()));
      option.put("type", o.type().name().toLowerCase(java.util.Locale.ROOT));
      option.put("required", o.required());
      option.put("options", o.options());
      return option;
    }).toList());
    return out;
  }

  private static Map<String, Object> version(SpecVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", v.version());
    out.put("file", v.fileName());
    out.put("loaded_at", v.loadedAt().toString());
    out.put("approved", v.approved());
    out.put("approved_by", v.approval().map(SpecVersion.Approval::by).orElse(null));
    out.put("approved_at", v.approval().map(a -> a.at().toString()).orElse(null));
    return out;
  }

  static Map<String, Object> run(RunRecord r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("instance", r.instance());
    out.put("integration", r.integrationId());
    out.put("version", r.specVersion());
    out.put("flow", r.flow());
    out.put("trigger", r.trigger());
    out.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
    out.put("read", r.counts().read());
    out.put("written", r.counts().written());
    out.put("dead_lettered", r.counts().deadLettered());
    out.put("filtered", r.counts().filtered());
    out.put("started_at", r.startedAt().toString());
    out.put("finished_at", r.finishedAt().map(Object::toString).orElse(null));
    out.put("error", r.userMessage().orElse(null));
    return out;
  }

  private static Map<String, Object> letter(DeadLetter d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", d.id());
    out.put("run_id", d.runId());
    out.put("flow", d.flow());
    out.put("position", d.position());
    out.put("step", d.step());
    out.put("reason", d.reason());
    out.put("record", d.sourceRecord());
    out.put("created_at", d.createdAt().toString());
    return out;
  }

  static Map<String, Object> body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) return new LinkedHashMap<>();
    try {
      return Json.readMap(text);
    } catch (IllegalArgumentException e) {
      throw Invalid.of("body", "must be a JSON object");
    }
  }

  static void json(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(Json.write(value));
  }
}
