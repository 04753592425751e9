package dev.weft.spec.internal.check;

import dev.weft.model.Flow;
import dev.weft.model.Sync;
import dev.weft.spec.internal.bind.Nodes;
import java.util.List;

/** Two-way syncs: both sides exist and are an api (with endpoint) or a datastore (with table). */
final class SyncChecks {
  private SyncChecks() {}

  static void run(Context c) {
    for (int i = 0; i < c.flows().size(); i++) {
      if (!(c.flows().get(i).body() instanceof Sync)) continue;
      String path = c.flowPath(i) + ".sync";
      Nodes sync = c.flowNodes(i).get("sync");
      side(c, sync.get("a"), path + ".a");
      side(c, sync.get("b"), path + ".b");
    }
  }

  private static void side(Context c, Nodes side, String path) {
    String name = side.get("system").text("");
    c.system(name, path + ".system").ifPresent(s -> {
      switch (s.connection()) {
        case API -> {
          if (!side.get("endpoint").present()) c.problems().error(path, "an api side needs 'endpoint' (the collection path, e.g. /contacts)");
          if (side.get("table").present()) c.problems().error(path + ".table", "'table' does not apply to an api side");
          if (side.get("endpoint").text().filter(e -> !e.startsWith("/")).isPresent()) {
            c.problems().error(path + ".endpoint", "a sync side's endpoint is a path starting with '/'; create, update and delete take a method");
          }
        }
        case DATASTORE -> {
          if (!side.get("table").present()) c.problems().error(path, "a datastore side needs 'table'");
          for (String key : List.of("endpoint", "records", "create", "update", "delete")) {
            if (side.get(key).present()) c.problems().error(path + "." + key, "'" + key + "' does not apply to a datastore side");
          }
        }
        default -> c.problems().error(path + ".system", "system '" + name + "' is " + Context.article(s.connection())
            + "; a sync side is an api or a datastore");
      }
    });
  }

  static boolean isSync(Flow f) {
    return f.body() instanceof Sync;
  }
}
