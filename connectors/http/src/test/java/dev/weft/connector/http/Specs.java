package dev.weft.connector.http;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import dev.weft.model.Auth;
import dev.weft.model.Endpoint;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.Source.Paginate;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds the model records a test hands to the connector, with short retries. */
final class Specs {
  static final Auth NONE = new Auth.None(Auth.Scope.SYSTEM);
  static final ErrorPolicy.Retry FAST_RETRY = new ErrorPolicy.Retry(3, Duration.ofMillis(20), Duration.ofMillis(100));

  private Specs() {}

  static SystemDef system(String url) {
    return system(url, NONE, Optional.empty(), Map.of());
  }

  static SystemDef system(String url, Auth auth) {
    return system(url, auth, Optional.empty(), Map.of());
  }

  static SystemDef system(String url, Auth auth, Optional<SystemDef.Format> format, Map<String, Object> options) {
    return new SystemDef(
        "api", Optional.of("Test API"), false, SystemDef.ConnectionKind.API, url, format, auth, Optional.empty(), options);
  }

  static SystemDef withRateLimit(SystemDef s, int permits, Duration per) {
    return new SystemDef(
        s.id(), s.name(), s.ours(), s.connection(), s.url(), s.format(), s.auth(), Optional.of(new SystemDef.RateLimit(permits, per)), s.options());
  }

  static dev.weft.model.Source source(String endpoint, Optional<String> records, Paginate paginate) {
    return source(endpoint, records, paginate, Optional.empty());
  }

  static dev.weft.model.Source source(
      String endpoint, Optional<String> records, Paginate paginate, Optional<dev.weft.model.Source.Incremental> incremental) {
    return new dev.weft.model.Source(
        "api", Optional.of(endpoint(endpoint)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        records, Optional.of(paginate), incremental, Optional.empty(), dev.weft.model.Source.After.KEEP);
  }

  static Endpoint endpoint(String text) {
    int space = text.indexOf(' ');
    return new Endpoint(text.substring(0, space), text.substring(space + 1));
  }

  static Paginate paginate(Paginate.Style style) {
    return new Paginate(style, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Target target(String endpoint, Optional<Integer> batch) {
    return new Target(
        "api", Optional.empty(), Target.Write.UPSERT, List.of(), Optional.of(endpoint(endpoint)), batch, Optional.empty(), Optional.empty());
  }

  static Flow flow(dev.weft.model.Source source, Target target, ErrorPolicy.Retry retry) {
    return new Flow(
        "flow", Optional.empty(), List.of(), new Flow.Pipeline(source, List.of(), target), Optional.empty(),
        new ErrorPolicy(retry, ErrorPolicy.InvalidRecords.DEAD_LETTER, Optional.empty(), Optional.empty()));
  }

  static RunInfo run() {
    return new RunInfo(UUID.randomUUID().toString(), "it", "default", Instant.now(), Path.of(System.getProperty("java.io.tmpdir")));
  }

  static SourceContext sourceContext(SystemDef system, dev.weft.model.Source source) {
    return sourceContext(system, source, FAST_RETRY, run());
  }

  static SourceContext sourceContext(SystemDef system, dev.weft.model.Source source, ErrorPolicy.Retry retry, RunInfo run) {
    return new SourceContext(system, source, flow(source, target("POST /unused", Optional.empty()), retry), run);
  }

  static SinkContext sinkContext(SystemDef system, Target target) {
    return sinkContext(system, target, FAST_RETRY, run());
  }

  static SinkContext sinkContext(SystemDef system, Target target, ErrorPolicy.Retry retry, RunInfo run) {
    return new SinkContext(system, target, flow(source("GET /unused", Optional.empty(), Paginate.NONE), target, retry), run);
  }

  /** What a read until done gave: the records and the checkpoint after each batch. */
  record Read(List<SourceRecord> records, List<Checkpoint> checkpoints, List<Batch> batches) {
    List<Object> field(String name) {
      return records.stream().map(r -> r.value().get(name)).toList();
    }

    Checkpoint last() {
      return checkpoints.getLast();
    }
  }

  static Read readAll(Source source, Checkpoint from, int maxRecords) throws ConnectorException {
    List<SourceRecord> records = new ArrayList<>();
    List<Checkpoint> checkpoints = new ArrayList<>();
    List<Batch> batches = new ArrayList<>();
    Checkpoint at = from;
    for (int guard = 0; guard < 10_000; guard++) {
      Batch batch = source.read(at, maxRecords);
      batches.add(batch);
      records.addAll(batch.records());
      checkpoints.add(batch.after());
      at = batch.after();
      if (batch.done()) return new Read(records, checkpoints, batches);
    }
    throw new AssertionError("the source never finished");
  }
}
