package dev.weft.console;

import dev.weft.server.Caller;
import dev.weft.server.ServerServices;
import dev.weft.store.LogLine;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs: the history with filters, one run with its counts, log and error, and its live progress. */
final class RunPages {
  static final int PAGE = 50;

  private final ServerServices services;
  private final Pages pages;
  private final RunSearch search;

  RunPages(ServerServices services, Pages pages, RunSearch search) {
    this.services = services;
    this.pages = pages;
    this.search = search;
  }

  void register(Routes routes) {
    routes.get("/console/runs", this::list);
    routes.get("/console/runs/{id}", this::show);
    routes.get("/console/runs/{id}/progress", this::progress);
  }

  /** The filter as typed, to show it again; {@code problem} says what could not be read. */
  public record FilterForm(String instance, String flow, String status, String from, String to, String problem) {
    public String query() {
      StringBuilder q = new StringBuilder();
      add(q, "instance", instance);
      add(q, "flow", flow);
      add(q, "status", status);
      add(q, "from", from);
      add(q, "to", to);
      return q.toString();
    }

    private static void add(StringBuilder q, String key, String value) {
      if (value.isEmpty()) return;
      q.append('&').append(key).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public record ListView(Chrome chrome, FilterForm filter, List<RunRecord> runs, Optional<String> next, boolean firstPage) {}

  private void list(Context ctx, Session session) {
    String instance = param(ctx, "instance");
    String flow = param(ctx, "flow");
    String status = param(ctx, "status").toLowerCase(Locale.ROOT);
    String from = param(ctx, "from");
    String to = param(ctx, "to");
    StringBuilder problem = new StringBuilder();
    Optional<RunStatus> statusFilter = Optional.empty();
    if (!status.isEmpty()) {
      try {
        statusFilter = Optional.of(RunStatus.valueOf(status.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problem.append("Status must be running, succeeded or failed. ");
      }
    }
    Optional<Instant> fromAt = moment(from, "From", problem);
    Optional<Instant> toAt = moment(to, "To", problem);
    RunSearch.Filter filter = new RunSearch.Filter(Optional.of(instance).filter(s -> !s.isEmpty()),
        Optional.of(flow).filter(s -> !s.isEmpty()), statusFilter, fromAt, toAt);
    Optional<RunSearch.Cursor> after = RunSearch.Cursor.parse(ctx.queryParam("after"));
    RunSearch.Page page = search.page(session.caller(), filter, after, PAGE);
    pages.show(ctx, "runs.jte", new ListView(Chrome.of(session, "Runs", "runs"),
        new FilterForm(instance, flow, status, from, to, problem.toString().strip()), page.runs(),
        page.next().map(RunSearch.Cursor::token), after.isEmpty()));
  }

  /** A datetime-local value, read as UTC. */
  private static Optional<Instant> moment(String text, String label, StringBuilder problem) {
    if (text.isEmpty()) return Optional.empty();
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      problem.append(label).append(" must be a date and time like 2026-11-30T14:00. ");
      return Optional.empty();
    }
  }

  public record RunView(Chrome chrome, RunRecord run, List<LogLine> log, boolean showEngineerError, Instant now) {
    public boolean running() {
      return run.status() == RunStatus.RUNNING;
    }

    public String duration() {
      return Durations.between(run.startedAt(), run.finishedAt().orElse(now));
    }

    public boolean reconciles() {
      return run.counts().reconciles();
    }
  }

  private void show(Context ctx, Session session) {
    pages.show(ctx, "run.jte", view(ctx, session));
  }

  private void progress(Context ctx, Session session) {
    pages.show(ctx, "runProgress.jte", view(ctx, session));
  }

  private RunView view(Context ctx, Session session) {
    String id = ctx.pathParam("id");
    RunRecord run = services.store().runs().get(id).filter(r -> visible(session, r))
        .orElseThrow(() -> new Routes.NotFound("Run " + id + " has not started yet: a run just triggered waits for a free worker"
            + " and shows here once it begins, so reload in a moment. If it never appears, no run has this id."));
    return new RunView(Chrome.of(session, "Run of " + run.flow(), "runs"), run, services.store().runs().logOf(id), session.admin(), Instant.now());
  }

  private boolean visible(Session session, RunRecord run) {
    return services.instances().get(run.instance()).map(i -> session.caller().sees(i.customer()))
        .orElse(session.caller() instanceof Caller.Admin);
  }

  private static String param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).orElse("");
  }
}
