package dev.weft.spec.internal.check;

import dev.weft.mapping.RecordMapping;
import dev.weft.mapping.RowProblem;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.Sync;
import java.util.List;
import java.util.Optional;

/** Map rows, units and filters are the mapping module's to check; here its problems get spec paths. */
final class MappingChecks {
  private MappingChecks() {}

  static void run(Context c) {
    for (int i = 0; i < c.flows().size(); i++) {
      Flow flow = c.flows().get(i);
      String path = c.flowPath(i);
      switch (flow.body()) {
        case Flow.Pipeline p -> report(c, p.map(), p.source().filter(), path + ".", "map[", "source.filter");
        case Sync s -> {
          report(c, s.aToB(), Optional.empty(), path + ".sync.", "a_to_b[", "filter");
          report(c, s.bToA(), Optional.empty(), path + ".sync.", "b_to_a[", "filter");
        }
      }
    }
  }

  private static void report(Context c, List<MapRow> rows, Optional<String> filter, String prefix, String table, String filterPath) {
    for (RowProblem p : RecordMapping.compile(rows, filter).problems()) {
      String relative = p.path().startsWith("map[") ? table + p.path().substring(4)
          : p.path().equals("filter") ? filterPath : p.path();
      String full = prefix + relative;
      int row = full.indexOf(']', prefix.length());
      String rowPath = row < 0 ? full : full.substring(0, row + 1);
      if (c.problems().hasErrorWithin(rowPath)) continue; // the spec's own checks said it already
      c.problems().error(full, p.message(), p.suggestion());
    }
  }
}
