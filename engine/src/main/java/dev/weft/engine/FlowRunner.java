package dev.weft.engine;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.mapping.Compiled;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import dev.weft.model.Trigger;
import dev.weft.store.RunStart;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one one-way flow once: resolves its systems' placeholders, opens the source and the sink,
 * then moves the records in batches from the stored checkpoint on (see {@link PipelinedRun}). The
 * run, its log, dead letters and counts go to the {@link Store}.
 */
public final class FlowRunner {
  private static final Logger log = LoggerFactory.getLogger(FlowRunner.class);

  private final Store store;
  private final Connectors connectors;

  public FlowRunner(Store store, Connectors connectors) {
    this.store = store;
    this.connectors = connectors;
  }

  /**
   * Runs the flow. A run that started always returns a result (failed runs included); {@link
   * RunStartException} means it could not start (unknown flow, missing placeholder value, no
   * connector for a system), and nothing was recorded. A two-way sync flow is run by {@link
   * SyncRunner}.
   */
  public RunResult run(RunRequest request, ProgressListener listener) throws RunStartException {
    if (SyncRunner.isSync(request)) return new SyncRunner(store, connectors).run(request, listener);
    return run(request, listener, Optional.empty());
  }

  /**
   * Runs the flow on records delivered to it instead of its source system (a server's webhook
   * inbox): like an input file, no checkpoint is read or stored. The source hears each committed
   * batch through {@link Source#committed}, so it can mark what it delivered as done; it is closed
   * when the run ends.
   *
   * @param name what the run log calls the source, e.g. {@code webhook inbox (120 deliveries)}
   */
  public RunResult runDelivered(RunRequest request, Source delivered, String name, ProgressListener listener) throws RunStartException {
    return run(request, listener, Optional.of(new Delivered(delivered, name)));
  }

  private record Delivered(Source source, String name) {}

  private RunResult run(RunRequest request, ProgressListener listener, Optional<Delivered> delivered) throws RunStartException {
    long startNanos = System.nanoTime();
    Spec spec = request.spec();
    Flow flow = flowOf(spec, request.flowId());
    Flow.Pipeline pipeline = (Flow.Pipeline) flow.body();
    RecordMapping mapping = mappingOf(flow, pipeline);
    SystemResolver resolver = new SystemResolver(spec, request.config(), request.secrets(), request.env());
    boolean payload = request.input().isPresent() || delivered.isPresent();
    SystemDef sourceSystem = resolver.resolve(systemOf(spec, pipeline.source().system(), "source"));
    SystemDef targetSystem = resolver.resolve(systemOf(spec, pipeline.target().system(), "target"));
    var sinkConnector = connectors.serving(targetSystem);
    var sourceConnector = payload ? null : connectors.serving(sourceSystem);
    Redactor redactor = resolver.redactor();

    RunStart start = new RunStart(spec.id(), request.specVersion(), request.instance(), flow.id(), request.trigger());
    String runId = request.runId().map(id -> store.runs().start(id, start)).orElseGet(() -> store.runs().start(start));
    Instant startedAt = Instant.now();
    RunLog runLog = new RunLog(store, runId, redactor);
    FailureMessage failureMessage = new FailureMessage(flow.errors().message(), runId, startedAt, redactor);
    String sourceName = sourceSystem.id() + (delivered.isPresent() ? " (" + delivered.get().name() + ")"
        : payload ? " (" + request.input().get().getFileName() + ")" : "");
    String targetName = describe(targetSystem, pipeline.target());
    Checkpoint from =
        payload
            ? Checkpoint.START
            : store.checkpoints().get(request.instance(), flow.id()).map(Checkpoint::new).orElse(Checkpoint.START);
    runLog.info("run of flow " + flow.id() + " started: " + sourceName + " -> " + targetName
        + (from.isStart() ? ", from the beginning" : ", resuming after checkpoint " + from.token()));

    RunInfo info = new RunInfo(runId, spec.id(), request.instance(), startedAt, workDir(runId), request.grants());
    PipelinedRun.Outcome outcome = null;
    try (Source source = delivered.isPresent() ? delivered.get().source()
            : payload ? payloadSource(request.input().get(), flow, pipeline) : sourceConnector.openSource(
            new SourceContext(sourceSystem, pipeline.source(), flow, info));
        Sink sink = sinkConnector.openSink(new SinkContext(targetSystem, pipeline.target(), flow, info))) {
      BatchMapper mapper = new BatchMapper(flow.id(), mapping, request.config(), flow.errors().invalidRecords(), failureMessage, redactor);
      Retries retries = new Retries(flow.errors().retry(), runLog::warn);
      OptionalLong max = flow.volume().flatMap(Flow.Volume::max).map(OptionalLong::of).orElse(OptionalLong.empty());
      var settings = new PipelinedRun.Settings(runId, request.instance(), flow.id(), request.batchSize(), max, !payload, startNanos);
      outcome = new PipelinedRun(source, sink, mapper, retries, store, settings, failureMessage, listener).execute(from);
    } catch (ConnectorException e) {
      if (outcome == null) {
        outcome = new PipelinedRun.Outcome(dev.weft.store.Counts.ZERO, Optional.empty(), false,
            Optional.of(failureMessage.of(e.userMessage(), e.getMessage(), Map.of())));
      } else {
        // the batches were committed; only closing the source or sink failed
        runLog.warn("closing the source or the target failed: " + e.getMessage());
      }
    }

    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    RunStatus status = outcome.failure().isPresent() ? RunStatus.FAILED : RunStatus.SUCCEEDED;
    if (outcome.failure().isPresent()) {
      RunFailure f = outcome.failure().get();
      runLog.error("run failed: " + f.userMessage() + " (" + f.detail() + ")");
      log.info("run {} of flow {} failed: {}", runId, flow.id(), f.detail());
    } else {
      runLog.info("run succeeded: " + outcome.counts());
    }
    store.runs().finish(runId, status, outcome.failure().map(RunFailure::detail), outcome.failure().map(RunFailure::userMessage));
    deleteQuietly(info.workDir());
    return new RunResult(runId, status, outcome.counts(), elapsed, sourceName, targetName, outcome.lastPosition(),
        outcome.checkpointStored(), outcome.failure());
  }

  static Flow flowOf(Spec spec, String flowId) throws RunStartException {
    Flow flow = spec.flow(flowId).orElseThrow(() -> new RunStartException(
        "spec " + spec.id() + " has no flow '" + flowId + "' (its flows: "
            + spec.flows().stream().map(Flow::id).collect(Collectors.joining(", ")) + ")"));
    if (!(flow.body() instanceof Flow.Pipeline))
      throw new RunStartException("flow " + flowId + " is a two-way sync, not a one-way flow (it has no source and target)");
    return flow;
  }

  static RecordMapping mappingOf(Flow flow, Flow.Pipeline pipeline) throws RunStartException {
    Compiled compiled = RecordMapping.compile(pipeline.map(), pipeline.source().filter());
    if (compiled.mapping().isEmpty() || !compiled.ok())
      throw new RunStartException("flow " + flow.id() + ": " + compiled.problems().stream()
          .map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
    return compiled.mapping().get();
  }

  static SystemDef systemOf(Spec spec, String systemId, String role) throws RunStartException {
    return spec.system(systemId).orElseThrow(() -> new RunStartException("the " + role + " system '" + systemId + "' is not declared"));
  }

  /** {@code orders_db.orders}, {@code bus:fulfilment.orders}, {@code crm PUT /contacts/{{id}}}, {@code out/orders.csv}. */
  static String describe(SystemDef system, Target target) {
    if (target.table().isPresent()) return system.id() + "." + target.table().get();
    if (target.topic().isPresent()) return system.id() + ":" + target.topic().get();
    if (target.file().isPresent()) return system.id() + "/" + target.file().get();
    if (target.endpoint().isPresent()) return system.id() + " " + target.endpoint().get();
    return system.id();
  }

  private static Source payloadSource(Path input, Flow flow, Flow.Pipeline pipeline) throws ConnectorException {
    return PayloadSource.read(input, payloadRecords(flow, pipeline));
  }

  /** Where a delivered payload's records are: the webhook trigger's {@code records}, else the source's. */
  static Optional<String> payloadRecords(Flow flow, Flow.Pipeline pipeline) {
    return flow.trigger(Trigger.Webhook.class).flatMap(Trigger.Webhook::records).or(() -> pipeline.source().records());
  }

  private static Path workDir(String runId) {
    try {
      return Files.createTempDirectory("weft-run-" + runId.substring(0, 8));
    } catch (IOException e) {
      return Path.of(System.getProperty("java.io.tmpdir"));
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      if (!dir.getFileName().toString().startsWith("weft-run-")) return;
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
