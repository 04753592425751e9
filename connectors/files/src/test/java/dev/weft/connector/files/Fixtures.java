package dev.weft.connector.files;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import dev.weft.model.Auth;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds systems, contexts and reads sources to the end. */
final class Fixtures {
  static final RunInfo RUN = new RunInfo("run-42", "shop", "acme", Instant.parse("2026-11-27T23:30:00Z"), Path.of("/tmp"));

  private Fixtures() {}

  static SystemDef system(String url, SystemDef.Format format, Auth auth, Map<String, Object> options) {
    return new SystemDef("drop", Optional.empty(), false, SystemDef.ConnectionKind.FILESYSTEM, url, Optional.ofNullable(format), auth, Optional.empty(), options);
  }

  static SystemDef local(Path folder, SystemDef.Format format) {
    return system(folder.toUri().toString(), format, new Auth.None(Auth.Scope.SYSTEM), Map.of());
  }

  static dev.weft.model.Source source(String files, String records, dev.weft.model.Source.After after) {
    return new dev.weft.model.Source("drop", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(files), Optional.empty(),
        Optional.ofNullable(records), Optional.empty(), Optional.empty(), Optional.empty(), after);
  }

  static Target target(String file) {
    return new Target("drop", Optional.empty(), Target.Write.INSERT, List.of(), Optional.empty(), Optional.empty(), Optional.of(file), Optional.empty());
  }

  static Flow flow(dev.weft.model.Source source, Target target) {
    return new Flow("orders", Optional.empty(), List.of(), new Flow.Pipeline(source, List.of(), target), Optional.empty(), ErrorPolicy.DEFAULT);
  }

  static SourceContext sourceContext(SystemDef system, dev.weft.model.Source source) {
    return new SourceContext(system, source, flow(source, target("x.csv")), RUN);
  }

  static SinkContext sinkContext(SystemDef system, String file) {
    Target target = target(file);
    return new SinkContext(system, target, flow(source("*", null, dev.weft.model.Source.After.KEEP), target), RUN);
  }

  /** Reads batches until done, committing each checkpoint; returns the batches. */
  static List<Batch> drain(Source source, Checkpoint from, int max, boolean commit) throws ConnectorException {
    List<Batch> batches = new ArrayList<>();
    Checkpoint at = from;
    while (true) {
      Batch batch = source.read(at, max);
      batches.add(batch);
      at = batch.after();
      if (commit) source.committed(at);
      if (batch.done()) return batches;
    }
  }

  static List<SourceRecord> records(List<Batch> batches) {
    return batches.stream().flatMap(b -> b.records().stream()).toList();
  }

  static List<String> positions(List<Batch> batches) {
    return records(batches).stream().map(SourceRecord::position).toList();
  }
}
