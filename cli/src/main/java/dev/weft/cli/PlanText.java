package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlannedChange;
import dev.weft.engine.plan.TargetPlan;
import java.util.List;

/**
 * A plan for people, laid out like a Terraform plan: per target the counts, then each change
 * ({@code + create}, {@code ~ update}, {@code - delete}) with its fields as {@code before -> after},
 * as many as the plan lists, then the records that would be rejected. Colours only on a terminal.
 */
final class PlanText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MOST_REJECTIONS_SHOWN = 20;

  private final boolean colour;

  PlanText(boolean colour) {
    this.colour = colour;
  }

  String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(bold("Plan of flow " + plan.flow() + " (" + plan.integration() + ", instance " + plan.instance() + ")"))
        .append(": nothing was written.\n");
    for (TargetPlan target : plan.targets()) target(out, target);
    return out.toString();
  }

  private void target(StringBuilder out, TargetPlan t) {
    out.append('\n').append(bold(t.target())).append(": ")
        .append(Words.count(t.creates())).append(" to create, ")
        .append(Words.count(t.updates())).append(" to update, ")
        .append(Words.count(t.deletes())).append(" to delete, ")
        .append(Words.count(t.unchanged())).append(" unchanged");
    if (!t.rejected().isEmpty()) out.append(", ").append(Words.count(t.rejected().size())).append(" rejected");
    out.append('\n');
    for (PlannedChange c : t.changes()) change(out, c);
    long more = t.changesOmitted();
    if (more > 0) out.append("\n  … and ").append(Words.count(more)).append(more == 1 ? " more change" : " more changes")
        .append(" (--limit N shows more, --json lists them for machines)\n");
    List<PlannedChange.Rejected> rejected = t.rejected();
    for (PlannedChange.Rejected r : rejected.subList(0, Math.min(MOST_REJECTIONS_SHOWN, rejected.size())))
      out.append(paint("  ! rejected ", "35")).append(r.position()).append(": ").append(r.reason()).append('\n');
    if (rejected.size() > MOST_REJECTIONS_SHOWN)
      out.append("  … and ").append(Words.count(rejected.size() - MOST_REJECTIONS_SHOWN)).append(" more rejected\n");
  }

  private void change(StringBuilder out, PlannedChange c) {
    String head = switch (c.kind()) {
      case CREATE -> paint("  + create ", "32");
      case UPDATE -> paint("  ~ update ", "33");
      case DELETE -> paint("  - delete ", "31");
    };
    out.append('\n').append(head).append(c.key()).append('\n');
    int width = c.fields().stream().mapToInt(f -> f.field().length()).max().orElse(0);
    for (PlannedChange.FieldChange f : c.fields()) {
      out.append("      ").append(f.field()).append(": ").append(" ".repeat(width - f.field().length()));
      if (c.kind() == PlannedChange.Kind.CREATE) out.append(value(f.after()));
      else out.append(value(f.before())).append(" -> ").append(value(f.after()));
      out.append('\n');
    }
  }

  private static String value(Object v) {
    try {
      String text = JSON.writeValueAsString(v);
      return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }

  private String bold(String text) {
    return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  private String paint(String text, String code) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
