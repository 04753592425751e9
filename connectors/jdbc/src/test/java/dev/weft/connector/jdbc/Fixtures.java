package dev.weft.connector.jdbc;

import dev.weft.connector.RecordSetContext;
import dev.weft.connector.RunInfo;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SourceContext;
import dev.weft.model.Auth;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.Source;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the model records a connector is opened with. */
final class Fixtures {

  private Fixtures() {}

  static SystemDef system(String url, Auth auth, Map<String, Object> options) {
    return new SystemDef("db", Optional.empty(), false, SystemDef.ConnectionKind.DATASTORE, url, Optional.empty(), auth,
        Optional.empty(), options);
  }

  static RunInfo run() {
    return new RunInfo("run-" + System.nanoTime(), "it", "default", Instant.now(), Path.of(System.getProperty("java.io.tmpdir")));
  }

  static SinkContext sink(SystemDef system, String table, Target.Write write, List<String> key) {
    Target target = new Target("db", Optional.of(table), write, key, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return new SinkContext(system, target, flow(source(Optional.of(table), Optional.empty(), Optional.empty()), target), run());
  }

  static SourceContext source(SystemDef system, Optional<String> table, Optional<String> query, Optional<String> cursor) {
    Source source = source(table, query, cursor);
    Target target = new Target("db", Optional.of("x"), Target.Write.INSERT, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return new SourceContext(system, source, flow(source, target), run());
  }

  private static Source source(Optional<String> table, Optional<String> query, Optional<String> cursor) {
    return new Source("db", Optional.empty(), table, query, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        cursor.map(f -> new Source.Incremental(f, Optional.empty())), Optional.empty(), Source.After.KEEP);
  }

  private static Flow flow(Source source, Target target) {
    return new Flow("orders", Optional.empty(), List.of(), new Flow.Pipeline(source, List.of(), target), Optional.empty(), ErrorPolicy.DEFAULT);
  }

  static RecordSetContext recordSet(SystemDef system, String table, String id, Optional<String> updated) {
    Sync.Side side = new Sync.Side("db", Optional.empty(), Optional.of(table), id, updated, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    Sync sync = new Sync(side, side, Optional.empty(), List.of(), List.of(), Sync.Conflict.NEWEST, Sync.Deletes.IGNORE);
    Flow flow = new Flow("people", Optional.empty(), List.of(), sync, Optional.empty(), ErrorPolicy.DEFAULT);
    return new RecordSetContext(system, side, flow, run());
  }

  /** Records from alternating keys and values: {@code record("order_id", "A-1", "total", "3.50")}. */
  static Map<String, Object> record(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }

  static List<SinkRecord> batch(List<Map<String, Object>> records) {
    List<SinkRecord> batch = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) batch.add(new SinkRecord(records.get(i), "r" + i));
    return batch;
  }
}
