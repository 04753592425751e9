package dev.weft.spec.internal.check;

import dev.weft.spec.internal.bind.Nodes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Dates are written yyyy-MM-dd and must be real days (the format checks the pattern only). */
final class DateChecks {
  private DateChecks() {}

  static void run(Context c) {
    Nodes n = c.nodes();
    check(c, n.get("needed_by"), "needed_by");
    each(c, n.get("revisions"), "revisions");
    each(c, n.get("prerequisites").get("system_changes"), "prerequisites.system_changes");
    each(c, n.get("prerequisites").get("walkthroughs"), "prerequisites.walkthroughs");
  }

  private static void each(Context c, Nodes list, String path) {
    List<Nodes> items = list.items();
    for (int i = 0; i < items.size(); i++) check(c, items.get(i).get("date"), path + "[" + i + "].date");
  }

  private static void check(Context c, Nodes date, String path) {
    date.text().filter(t -> t.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")).ifPresent(t -> {
      try {
        LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        c.problems().error(path, "'" + t + "' is not a real date");
      }
    });
  }
}
