package dev.weft.console;

import dev.weft.server.FlowRuns;
import dev.weft.server.Invalid;
import dev.weft.server.PlanPreview;
import dev.weft.server.ServerServices;
import io.javalin.http.Context;
import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlannedChange;
import dev.weft.engine.plan.TargetPlan;
import java.util.List;
import java.util.Locale;
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

  public record PlanView(Chrome chrome, String instance, String flow, String limit, List<TargetPlan> targets, String problem) {}

  private void show(Context ctx, Session session) {
    String id = ctx.pathParam("id");
    services.instances().get(id).filter(i -> session.caller().sees(i.customer()))
        .orElseThrow(() -> new Routes.NotFound("no instance " + id));
    FlowRuns.Plan plan = services.runs().plan(id, ctx.pathParam("flow"));
    String limit = Optional.ofNullable(ctx.queryParam("limit")).filter(s -> !s.isBlank()).orElse("50");
    Chrome chrome = Chrome.of(session, "Plan of " + plan.flow().displayName(), "instances");
    try {
      Plan preview = PlanPreview.plan(services.runs(), services.store(), plan, limit);
      pages.show(ctx, "plan.jte", new PlanView(chrome, id, plan.flow().id(), limit, preview.targets(), ""));
    } catch (Invalid e) {
      pages.show(ctx, 422, "plan.jte", new PlanView(chrome, id, plan.flow().id(), limit, List.of(),
          "Limit " + String.join("; ", e.errors().getOrDefault("limit", List.of("is not valid")))));
    }
  }

  /** A field's value as the page shows it: a dash for absent or NULL. */
  public static String text(Object value) {
    return value == null ? "—" : String.valueOf(value);
  }

  /** {@code create}, {@code update} or {@code delete}: the row's words and its CSS class. */
  public static String kind(PlannedChange change) {
    return change.kind().name().toLowerCase(Locale.ROOT);
  }
}
