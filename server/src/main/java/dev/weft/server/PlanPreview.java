package dev.weft.server;

import dev.weft.connector.ConnectorException;
import dev.weft.engine.FlowPlanner;
import dev.weft.engine.RunStartException;
import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlanDocument;
import dev.weft.engine.plan.PlanFailed;
import dev.weft.store.Store;
import java.util.Map;

/**
 * {@code GET /api/instances/{id}/flows/{flow}/plan}: {@code weft plan} for an instance, with the
 * instance's config and credentials, as the same JSON document the command prints. Nothing is
 * written; a run that would fail, or a system that cannot be read, is said in the answer.
 */
public final class PlanPreview {
  private PlanPreview() {}

  /** The JSON document of {@code weft plan --json}, for the API. */
  public static Map<String, Object> of(FlowRuns runs, Store store, FlowRuns.Plan plan, String limitText) {
    return PlanDocument.of(plan(runs, store, plan, limitText), Integer.MAX_VALUE);
  }

  /** The plan, listing at most {@code limitText} changes per target ({@link FlowPlanner#DEFAULT_LIMIT} when null). */
  public static Plan plan(FlowRuns runs, Store store, FlowRuns.Plan plan, String limitText) {
    int limit;
    try {
      limit = limitText == null ? FlowPlanner.DEFAULT_LIMIT : Integer.parseInt(limitText.strip());
    } catch (NumberFormatException e) {
      throw Invalid.of("limit", "must be a whole number");
    }
    if (limit < 0) throw Invalid.of("limit", "must be 0 or more");
    try {
      return new FlowPlanner(store, runs.connectors()).plan(runs.request(plan), Math.max(limit, 1)).limitedTo(limit);
    } catch (RunStartException | PlanFailed e) {
      throw new Refused(409, e.getMessage());
    } catch (ConnectorException e) {
      throw new Refused(502, e.userMessage());
    }
  }
}
