package dev.weft.console;

import dev.weft.server.FlowRuns;
import dev.weft.server.Invalid;
import dev.weft.server.PlanPreview;
import dev.weft.server.ServerServices;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code weft plan} preview of one flow of an instance: per target what a run would create,
 * update and delete, field by field, before anything is written. The server's {@link PlanPreview}
 * makes it, as for {@code GET /api/instances/{id}/flows/{flow}/plan}.
 */
final class PlanPage {
  private final ServerServices services;
  private final Pages pages;

  PlanPage(ServerServices services, Pages pages) {
    this.services = services;
    this.pages = pages;
  }

  void register(Routes routes) {
    routes.get("/console/instances/{id}/flows/{flow}/plan", this::show);
  }

  public record FieldChange(String field, String before, String after) {}

  public record Change(String kind, String key, List<FieldChange> fields) {}

  public record Rejected(String position, String reason) {}

  public record Target(String target, long creates, long updates, long deletes, long unchanged, List<Change> changes, long omitted,
      List<Rejected> rejected) {}

  public record PlanView(Chrome chrome, String instance, String flow, String limit, List<Target> targets, String problem) {}

  private void show(Context ctx, Session session) {
    String id = ctx.pathParam("id");
    services.instances().get(id).filter(i -> session.caller().sees(i.customer()))
        .orElseThrow(() -> new Routes.NotFound("no instance " + id));
    FlowRuns.Plan plan = services.runs().plan(id, ctx.pathParam("flow"));
    String limit = Optional.ofNullable(ctx.queryParam("limit")).filter(s -> !s.isBlank()).orElse("50");
    Chrome chrome = Chrome.of(session, "Plan of " + plan.flow().displayName(), "instances");
    try {
      Map<String, Object> document = PlanPreview.of(services.runs(), services.store(), plan, limit);
      pages.show(ctx, "plan.jte", new PlanView(chrome, id, plan.flow().id(), limit, targets(document), ""));
    } catch (Invalid e) {
      pages.show(ctx, 422, "plan.jte", new PlanView(chrome, id, plan.flow().id(), limit, List.of(),
          "Limit " + String.join("; ", e.errors().getOrDefault("limit", List.of("is not valid")))));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Target> targets(Map<String, Object> document) {
    List<Target> out = new ArrayList<>();
    for (Map<String, Object> t : (List<Map<String, Object>>) document.get("targets")) {
      List<Change> changes = new ArrayList<>();
      for (Map<String, Object> c : (List<Map<String, Object>>) t.get("changes")) {
        List<FieldChange> fields = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) c.get("fields"))
          fields.add(new FieldChange(String.valueOf(f.get("field")), text(f.get("before")), text(f.get("after"))));
        changes.add(new Change(String.valueOf(c.get("kind")), String.valueOf(c.get("key")), fields));
      }
      List<Rejected> rejected = new ArrayList<>();
      for (Map<String, Object> r : (List<Map<String, Object>>) t.get("rejected"))
        rejected.add(new Rejected(String.valueOf(r.get("position")), String.valueOf(r.get("reason"))));
      out.add(new Target(String.valueOf(t.get("target")), number(t.get("creates")), number(t.get("updates")), number(t.get("deletes")),
          number(t.get("unchanged")), changes, number(t.get("changes_omitted")), rejected));
    }
    return out;
  }

  private static String text(Object value) {
    return Objects.isNull(value) ? "—" : String.valueOf(value);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
