package dev.weft.console;

import dev.weft.engine.RunStartException;
import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.Trigger;
import dev.weft.server.Caller;
import dev.weft.server.ConfigCheck;
import dev.weft.server.Environment;
import dev.weft.server.FlowRuns;
import dev.weft.server.Instance;
import dev.weft.server.InstanceEditor;
import dev.weft.server.Invalid;
import dev.weft.server.Refused;
import dev.weft.server.ServerServices;
import dev.weft.server.SpecVersion;
import dev.weft.store.RunRecord;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Instances: the list (a page at a time), one instance with its flows, schedules, webhook URLs and
 * connections, the config wizard to create or change one, switching on and off, and Run now. Every
 * change goes through the server's {@link InstanceEditor} and {@link FlowRuns}, so the rules are the API's.
 */
final class InstancePages {
  static final int PAGE = 50;

  private final ServerServices services;
  private final Pages pages;
  private final RunSearch runSearch;
  private final Marketplace marketplace;

  InstancePages(ServerServices services, Pages pages, RunSearch runSearch) {
    this.services = services;
    this.pages = pages;
    this.runSearch = runSearch;
    this.marketplace = new Marketplace(services.catalog(), services.instances());
  }

  void register(Routes routes) {
    routes.get("/console/instances", this::list);
    routes.get("/console/instances/new", this::newForm);
    routes.post("/console/instances", this::create);
    routes.get("/console/instances/{id}", this::show);
    routes.post("/console/instances/{id}", this::update);
    routes.post("/console/instances/{id}/enable", (ctx, s) -> switchOn(ctx, s, true));
    routes.post("/console/instances/{id}/disable", (ctx, s) -> switchOn(ctx, s, false));
    routes.post("/console/instances/{id}/flows/{flow}/run", this::runNow);
    routes.post("/console/check/{integration}", this::checkField);
  }

  public record InstanceRow(String id, String customer, String integration, String plan, String environment, boolean enabled,
      Optional<RunRecord> lastRun, Optional<Instant> nextRun, List<String> webhooks) {}

  public record ListView(Chrome chrome, boolean admin, String customerFilter, List<InstanceRow> rows, String after, Optional<String> next) {
    /** The pager's links keep the customer filter, percent-encoded ({@code Acme & Co} stays one value). */
    public String firstPage() {
      return "/console/instances" + (customerFilter.isEmpty() ? "" : "?customer=" + encoded(customerFilter));
    }

    public Optional<String> nextPage() {
      return next.map(n -> "/console/instances?" + (customerFilter.isEmpty() ? "" : "customer=" + encoded(customerFilter) + "&")
          + "after=" + encoded(n));
    }

    private static String encoded(String value) {
      return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private void list(Context ctx, Session session) {
    Optional<String> customer = switch (session.caller()) {
      case Caller.Customer c -> Optional.of(c.customer());
      case Caller.Admin a -> Optional.ofNullable(ctx.queryParam("customer")).map(String::strip).filter(s -> !s.isEmpty());
    };
    String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
    List<Instance> page = services.instances().page(customer, after, PAGE + 1);
    Optional<String> next = page.size() > PAGE ? Optional.of(page.get(PAGE - 1).id()) : Optional.empty();
    if (page.size() > PAGE) page = page.subList(0, PAGE);
    Map<String, RunRecord> latest = runSearch.latest(page.stream().map(Instance::id).toList());
    List<InstanceRow> rows = new ArrayList<>();
    Map<String, Optional<Spec>> specs = new java.util.HashMap<>(); // instances of a page mostly share a few versions
    for (Instance i : page) {
      Optional<Spec> spec = specs.computeIfAbsent(i.integrationId() + "@" + i.version(), k -> spec(i));
      rows.add(new InstanceRow(i.id(), i.customer(), i.integrationId(), i.plan().orElse(""), i.environment().key(), i.enabled(),
          Optional.ofNullable(latest.get(i.id())), nextRun(i, spec), webhooks(i, spec)));
    }
    pages.show(ctx, "instances.jte", new ListView(Chrome.of(session, "Instances", "instances"), session.admin(),
        customer.filter(c -> session.admin()).orElse(""), rows, after, next));
  }

  public record FlowRow(String id, String name, String triggers, boolean allowed, boolean canRunNow, boolean running,
      Optional<Instant> nextRun) {}

  public record Connection(String system, String name, String method, boolean oauth, String connectUrl) {}

  public record InstanceView(Chrome chrome, Instance instance, String integrationName, String resolvedVersion, List<FlowRow> flows,
      List<String> webhooks, List<Connection> connections, List<RunRecord> recentRuns, long pendingDeadLetters, Form form) {}

  /** The wizard's form; {@code id} empty for a new instance. */
  public record Form(String action, String integration, String integrationName, boolean creating, boolean admin,
      String id, String customer, String plan, List<String> plans, String version, List<String> versions, String environment,
      boolean enabled, List<Wizard.Field> fields, Map<String, List<String>> errors, List<Connection> connections) {
    public String error(String field) {
      return String.join("; ", errors.getOrDefault(field, List.of()));
    }

    public boolean hasErrors() {
      return !errors.isEmpty();
    }

    public List<String> otherErrors() {
      Set<String> shown = new HashSet<>(List.of("id", "customer", "plan", "version", "environment", "enabled"));
      fields.forEach(f -> shown.add(f.name()));
      List<String> out = new ArrayList<>();
      errors.forEach((k, v) -> { if (!shown.contains(k)) v.forEach(m -> out.add(k + ": " + m)); });
      return out;
    }
  }

  public record FormView(Chrome chrome, Form form) {}

  private void newForm(Context ctx, Session session) {
    String integration = Optional.ofNullable(ctx.queryParam("integration")).orElse("");
    SpecVersion latest = creatable(session, integration);
    Form form = createForm(session, latest, Optional.empty(), Map.of());
    pages.show(ctx, "wizard.jte", new FormView(Chrome.of(session, "Switch on " + latest.spec().name(), "instances"), form));
  }

  private void create(Context ctx, Session session) {
    String integration = Optional.ofNullable(ctx.formParam("integration")).orElse("");
    SpecVersion latest = creatable(session, integration);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("integration", integration);
    body.put("id", ctx.formParam("id"));
    body.put("enabled", ctx.formParam("enabled") != null);
    if (session.admin()) adminFields(ctx, body);
    Spec spec = wizardSpec(integration, String.valueOf(body.getOrDefault("version", Instance.LATEST))).orElse(latest.spec());
    body.put("config", Wizard.config(spec, ctx));
    try {
      Instance created = services.editor().create(session.caller(), body);
      services.instances().put(created);
      services.resync(created.id());
      session.tell(new Session.Notice(true, "Instance " + created.id() + (created.enabled() ? " created and switched on." : " created (switched off).")));
      ctx.redirect("/console/instances/" + created.id(), HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      Form form = createForm(session, latest, Optional.of(ctx), e.errors());
      pages.show(ctx, 422, "wizard.jte", new FormView(Chrome.of(session, "Switch on " + latest.spec().name(), "instances"), form));
    }
  }

  private Form createForm(Session session, SpecVersion latest, Optional<Context> submitted, Map<String, List<String>> errors) {
    Spec spec = latest.spec();
    String id = submitted.map(c -> c.formParam("id")).orElse("");
    String customer = submitted.map(c -> c.formParam("customer")).orElse(session.caller() instanceof Caller.Customer c ? c.customer() : "");
    return new Form("/console/instances", spec.id(), spec.name(), true, session.admin(), Optional.ofNullable(id).orElse(""),
        Optional.ofNullable(customer).orElse(""), submitted.map(c -> c.formParam("plan")).orElse(""), List.copyOf(spec.plans().keySet()),
        submitted.map(c -> c.formParam("version")).orElse(Instance.LATEST), versions(spec.id()),
        submitted.map(c -> c.formParam("environment")).orElse(Environment.TEST.key()),
        submitted.map(c -> c.formParam("enabled") != null).orElse(true),
        Wizard.fields(spec, Map.of(), submitted, errors), errors, connections(spec, Optional.empty()));
  }

  private void show(Context ctx, Session session) {
    Instance i = visible(session, ctx.pathParam("id"));
    render(ctx, session, i, 200, Optional.empty(), Map.of());
  }

  private void render(Context ctx, Session session, Instance i, int status, Optional<Context> submitted, Map<String, List<String>> errors) {
    Optional<SpecVersion> version = services.catalog().resolve(i.integrationId(), i.version(), i.environment());
    Optional<Spec> spec = spec(i);
    List<FlowRow> flows = new ArrayList<>();
    spec.ifPresent(s -> {
      for (Flow f : s.flows()) {
        boolean allowed = s.plans().isEmpty() || s.flowsOfPlan(i.plan().orElse("")).contains(f.id());
        boolean manual = f.onDemandOnly() || f.trigger(Trigger.Manual.class).isPresent();
        flows.add(new FlowRow(f.id(), f.displayName(), triggers(f), allowed, allowed && manual && i.enabled(),
            services.runs().running(i.id(), f.id()), f.trigger(Trigger.Schedule.class).flatMap(t -> services.schedules().next(i.id(), f.id()))));
      }
    });
    Form form = editForm(session, i, spec, submitted, errors);
    List<RunRecord> recent = runSearch.page(session.caller(), new RunSearch.Filter(Optional.of(i.id()), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 5).runs();
    long pending = services.store().deadLetters().pending(i.id(), Optional.empty(), 1001).size();
    pages.show(ctx, status, "instance.jte", new InstanceView(Chrome.of(session, "Instance " + i.id(), "instances"), i,
        spec.map(Spec::name).orElse(i.integrationId()), version.map(SpecVersion::version).orElse("none"), flows,
        webhooks(i, spec), connections(spec.orElse(null), Optional.of(i)), recent, pending, form));
  }

  private Form editForm(Session session, Instance i, Optional<Spec> spec, Optional<Context> submitted, Map<String, List<String>> errors) {
    List<Wizard.Field> fields = spec.map(s -> Wizard.fields(s, i.sealedConfig(), submitted, errors)).orElse(List.of());
    return new Form("/console/instances/" + i.id(), i.integrationId(), spec.map(Spec::name).orElse(i.integrationId()), false,
        session.admin(), i.id(), i.customer(), submitted.map(c -> c.formParam("plan")).orElse(i.plan().orElse("")),
        spec.map(s -> List.copyOf(s.plans().keySet())).orElse(List.of()), submitted.map(c -> c.formParam("version")).orElse(i.version()),
        versions(i.integrationId()), submitted.map(c -> c.formParam("environment")).orElse(i.environment().key()),
        submitted.map(c -> c.formParam("enabled") != null).orElse(i.enabled()), fields, errors, List.of());
  }

  private void update(Context ctx, Session session) {
    Instance current = visible(session, ctx.pathParam("id"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", ctx.formParam("enabled") != null);
    if (session.admin()) adminFields(ctx, body);
    String version = String.valueOf(body.getOrDefault("version", current.version()));
    Optional<Spec> spec = wizardSpec(current.integrationId(), version).or(() -> spec(current));
    spec.ifPresent(s -> body.put("config", Wizard.config(s, ctx)));
    try {
      Instance changed = services.editor().update(current, body);
      services.instances().put(changed);
      services.resync(changed.id());
      session.tell(new Session.Notice(true, "Instance " + changed.id() + " saved" + (changed.enabled() ? " and switched on." : " (switched off).")));
      ctx.redirect("/console/instances/" + changed.id(), HttpStatus.SEE_OTHER);
    } catch (Invalid e) {
      render(ctx, session, current, 422, Optional.of(ctx), e.errors());
    }
  }

  /** Only an admin sets plan, version and environment: a customer's form has no such fields. */
  private static void adminFields(Context ctx, Map<String, Object> body) {
    for (String key : List.of("customer", "plan", "version", "environment")) {
      String v = ctx.formParam(key);
      if (v != null && !v.isBlank()) body.put(key, v.strip());
    }
  }

  private void switchOn(Context ctx, Session session, boolean on) {
    Instance i = visible(session, ctx.pathParam("id"));
    Instance changed = i.withEnabled(on);
    services.instances().put(changed);
    services.resync(i.id());
    session.tell(new Session.Notice(true, "Instance " + i.id() + (on ? " switched on." : " switched off.")));
    ctx.redirect("/console/instances/" + i.id(), HttpStatus.SEE_OTHER);
  }

  private void runNow(Context ctx, Session session) throws Exception {
    Instance i = visible(session, ctx.pathParam("id"));
    FlowRuns.Plan plan = services.runs().plan(i.id(), ctx.pathParam("flow"));
    if (services.runs().running(i.id(), plan.flow().id()))
      throw new Refused(409, "Flow " + plan.flow().id() + " of instance " + i.id() + " is already running.");
    FlowRuns.Submitted run = services.runs().submit(plan, "manual", Optional.empty());
    try {
      run.done().get(2, TimeUnit.SECONDS); // a run that cannot start says so here
    } catch (TimeoutException stillRunning) {
      // the run page follows it
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refused r) throw r;
      if (e.getCause() instanceof RunStartException s) throw new Refused(409, "The run could not start: " + s.getMessage());
      throw e;
    }
    ctx.redirect("/console/runs/" + run.runId(), HttpStatus.SEE_OTHER);
  }

  /** One field checked as the server will check it on save; answers the field's message (empty when good). */
  private void checkField(Context ctx, Session session) {
    String integration = ctx.pathParam("integration");
    if (!marketplace.sees(session.caller(), integration)) throw new Routes.NotFound("no integration " + integration);
    String version = Optional.ofNullable(ctx.formParam("version")).filter(v -> !v.isBlank()).orElse(Instance.LATEST);
    Spec spec = wizardSpec(integration, version).orElseThrow(() -> new Routes.NotFound("no integration " + integration));
    String field = Optional.ofNullable(ctx.queryParam("field")).orElse("");
    if (!field.startsWith(Wizard.PREFIX)) throw new Routes.NotFound("no field " + field);
    String key = field.substring(Wizard.PREFIX.length());
    ConfigOption option = spec.configOption(key).orElseThrow(() -> new Routes.NotFound("no field " + field));
    Map<String, Object> given = new LinkedHashMap<>(Wizard.config(spec, ctx));
    given.keySet().retainAll(Set.of(key));
    Set<String> others = new HashSet<>(spec.config().stream().map(ConfigOption::key).toList());
    others.remove(key);
    if (option.type() == ConfigOption.Type.SECRET && "true".equals(ctx.queryParam("stored"))) others.add(key);
    ConfigCheck.Checked checked = ConfigCheck.check(spec, given, others);
    ctx.contentType("text/html; charset=utf-8").result(escape(String.join("; ", checked.errors().getOrDefault(key, List.of()))));
  }

  private Optional<Spec> wizardSpec(String integration, String version) {
    return services.catalog().resolve(integration, version, Environment.TEST).map(SpecVersion::spec);
  }

  private SpecVersion creatable(Session session, String integration) {
    if (!marketplace.sees(session.caller(), integration)) throw new Routes.NotFound("no integration " + integration);
    if (!session.admin() && !marketplace.openToAll(integration))
      throw new Refused(403, "Your plan gives you " + integration + " through an instance your administrator creates; ask them to set it up.");
    return marketplace.latest(integration).orElseThrow(() -> new Routes.NotFound("no integration " + integration));
  }

  /** Another customer's instance is answered exactly like a missing one. */
  private Instance visible(Session session, String id) {
    return services.instances().get(id).filter(i -> session.caller().sees(i.customer()))
        .orElseThrow(() -> new Routes.NotFound("no instance " + id));
  }

  private Optional<Spec> spec(Instance i) {
    return services.catalog().resolve(i.integrationId(), i.version(), Environment.TEST).map(SpecVersion::spec);
  }

  private Optional<Instant> nextRun(Instance i, Optional<Spec> spec) {
    if (spec.isEmpty() || !i.enabled()) return Optional.empty();
    return spec.get().flows().stream().filter(f -> f.trigger(Trigger.Schedule.class).isPresent())
        .map(f -> services.schedules().next(i.id(), f.id())).flatMap(Optional::stream).min(Instant::compareTo);
  }

  @SuppressWarnings("unchecked")
  private List<String> webhooks(Instance i, Optional<Spec> spec) {
    Object urls = InstanceEditor.view(i, spec, services.baseUrl().get()).get("webhooks");
    return urls instanceof List<?> l ? (List<String>) l : List.of();
  }

  private List<String> versions(String integration) {
    List<String> out = new ArrayList<>(List.of(Instance.LATEST));
    services.catalog().versions(integration).forEach(v -> out.add(v.version()));
    return out;
  }

  /** The spec's connections that each customer provides credentials for. */
  private static List<Connection> connections(Spec spec, Optional<Instance> instance) {
    if (spec == null) return List.of();
    List<Connection> out = new ArrayList<>();
    spec.systems().forEach((id, system) -> {
      if (system.auth().scope() != Auth.Scope.CUSTOMER) return;
      boolean oauth = system.auth() instanceof Auth.OAuth2AuthorizationCode;
      out.add(new Connection(id, system.displayName(), system.auth().method(), oauth,
          instance.map(i -> "/connect/" + i.id() + "/" + id).orElse("")));
    });
    return out;
  }

  private static String triggers(Flow f) {
    if (f.onDemandOnly()) return "on demand";
    List<String> words = new ArrayList<>();
    for (Trigger t : f.triggers())
      words.add(switch (t) {
        case Trigger.Every e -> "every " + Durations.words(e.interval());
        case Trigger.Cron c -> "cron " + c.expression() + c.zone().map(z -> " (" + z + ")").orElse("");
        case Trigger.Webhook w -> "webhook /" + w.path();
        case Trigger.Manual m -> "manual";
        case Trigger.Event e -> "event " + e.system() + " " + e.topic();
      });
    return String.join(", ", words);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
