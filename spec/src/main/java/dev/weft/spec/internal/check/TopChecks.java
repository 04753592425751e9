package dev.weft.spec.internal.check;

import dev.weft.model.SystemDef;
import dev.weft.spec.internal.bind.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The format version, "Your App", and unique flow ids. */
final class TopChecks {
  private TopChecks() {}

  static void run(Context c) {
    Nodes n = c.nodes();
    n.get("weft").integer().filter(v -> v != 1)
        .ifPresent(v -> c.problems().error("weft", "unsupported format version " + v + ": this Weft reads version 1"));
    List<String> ours = new ArrayList<>();
    c.spec().systems().values().stream().filter(SystemDef::ours).forEach(s -> ours.add(s.id()));
    for (int i = 1; i < ours.size(); i++) {
      c.problems().error("systems." + ours.get(i) + ".ours",
          "only one system can be 'ours: true'; '" + ours.get(0) + "' is already marked as Your App");
    }
    Set<String> seen = new HashSet<>();
    List<Nodes> flows = n.get("flows").items();
    for (int i = 0; i < flows.size(); i++) {
      String id = flows.get(i).get("id").text().orElse(null);
      if (id != null && !seen.add(id)) c.problems().error("flows[" + i + "].id", "duplicate flow id '" + id + "'");
    }
  }
}
