package dev.weft.engine;

import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.RecordSetContext;
import dev.weft.connector.RunInfo;
import dev.weft.connector.SystemException;
import dev.weft.engine.plan.Plan;
import dev.weft.mapping.Compiled;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.store.Counts;
import dev.weft.store.RunStart;
import dev.weft.store.RunStatus;
import dev.weft.store.SideCounts;
import dev.weft.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a two-way sync flow once, or plans it. Both read the changes of each side since its
 * watermark, and decide every create, update and delete the same way ({@link SyncDecider}); a run
 * then makes them ({@link SyncApplier}), a plan lists them. {@code weft run} and the server reach
 * this through {@link FlowRunner#run}, which hands it every flow whose body is a {@link Sync}.
 */
public final class SyncRunner {
  private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

  /** Changes a plan lists per side, field by field; the counts cover all of them. */
  public static final int PLAN_LIMIT = 200;
  /** Changes sent to a side in one {@link RecordSet#apply} call, and records read per page. */
  static final int PAGE = 500;

  private final Store store;
  private final Connectors connectors;

  public SyncRunner(Store store, Connectors connectors) {
    this.store = store;
    this.connectors = connectors;
  }

  /** True when the request's flow is a two-way sync. */
  static boolean isSync(RunRequest request) {
    return request.spec().flow(request.flowId()).map(f -> f.body() instanceof Sync).orElse(false);
  }

  /**
   * What a run of the sync flow would do now, per side, without writing anything to either side
   * or the store. {@link RunStartException}: the flow cannot run (see {@link #run}); {@link
   * ConnectorException}: a side could not be read.
   */
  public Plan plan(RunRequest request) throws RunStartException, ConnectorException {
    Prepared p = prepare(request);
    RunInfo info = new RunInfo("plan-" + Instant.now().toEpochMilli(), request.spec().id(), request.instance(), Instant.now(),
        Path.of(System.getProperty("java.io.tmpdir")), request.grants());
    try (Opened sides = p.open(info)) {
      Retries retries = new Retries(p.flow().errors().retry(), line -> log.info("plan of {}: {}", p.flow().id(), line));
      SyncDecisions d = decide(request, p, sides, retries);
      return new Plan(request.spec().id(), request.instance(), p.flow().id(), List.of(
          SyncPlans.of(sides.a(), sides.b(), d, d.toA(), PLAN_LIMIT),
          SyncPlans.of(sides.b(), sides.a(), d, d.toB(), PLAN_LIMIT)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("the plan was interrupted");
    }
  }

  /**
   * Runs the sync flow. A run that started always returns a result (failed runs included, with
   * what they committed before failing); {@link RunStartException} means it could not start and
   * nothing was recorded.
   */
  public RunResult run(RunRequest request, ProgressListener listener) throws RunStartException {
    long startNanos = System.nanoTime();
    Prepared p = prepare(request);
    Spec spec = request.spec();
    Flow flow = p.flow();
    RunStart start = new RunStart(spec.id(), request.specVersion(), request.instance(), flow.id(), request.trigger());
    String runId = request.runId().map(id -> store.runs().start(id, start)).orElseGet(() -> store.runs().start(start));
    Instant startedAt = Instant.now();
    Redactor redactor = p.redactor();
    RunLog runLog = new RunLog(store, runId, redactor);
    FailureMessage failureMessage = new FailureMessage(flow.errors().message(), runId, startedAt, redactor);
    runLog.info("sync of flow " + flow.id() + " started: " + p.nameA() + " <-> " + p.nameB());
    RunInfo info = new RunInfo(runId, spec.id(), request.instance(), startedAt, Path.of(System.getProperty("java.io.tmpdir")),
        request.grants());
    Retries retries = new Retries(flow.errors().retry(), runLog::warn);
    SyncApplier applier = new SyncApplier(store, runId, request.instance(), flow.id(), retries, request.config(), PAGE, listener,
        startNanos, redactor);
    Optional<RunFailure> failure = Optional.empty();
    try (Opened sides = p.open(info)) {
      SyncDecisions d = decide(request, p, sides, retries);
      Optional<Long> max = flow.volume().flatMap(Flow.Volume::max);
      if (max.isPresent() && d.writes() > max.get())
        throw new SystemException("the run would write " + d.writes() + " changes, more than volume.max = " + max.get()
            + "; stopped before writing");
      SyncCheckpoint before = SyncCheckpoint.parse(store.checkpoints().get(request.instance(), flow.id()));
      applier.apply(sides.a(), sides.b(), d, before.after(d.a().watermark(), d.b().watermark()).token());
    } catch (ConnectorException e) {
      failure = Optional.of(failureMessage.of(e.userMessage(), e.getMessage(), Map.of()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = Optional.of(failureMessage.of("the run was interrupted", "interrupted", Map.of()));
    } catch (RuntimeException e) {
      failure = Optional.of(failureMessage.of(e.getMessage() == null ? e.toString() : e.getMessage(), e.toString(), Map.of()));
    }

    SyncSummary summary = applierSummary(applier, p);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    RunStatus status = failure.isPresent() ? RunStatus.FAILED : RunStatus.SUCCEEDED;
    if (failure.isPresent()) {
      runLog.error("sync failed: " + failure.get().userMessage() + " (" + failure.get().detail() + ")");
      log.info("run {} of sync flow {} failed: {}", runId, flow.id(), failure.get().detail());
    } else {
      runLog.info("sync succeeded: " + words(summary.a()) + "; " + words(summary.b()) + "; " + summary.conflicts() + " conflicts");
    }
    store.runs().finish(runId, status, failure.map(RunFailure::detail), failure.map(RunFailure::userMessage));
    Counts counts = new Counts(summary.a().read() + summary.b().read(), summary.written(),
        summary.a().deadLettered() + summary.b().deadLettered(), 0, 0);
    return new RunResult(runId, status, counts, elapsed, p.nameA(), p.nameB(), Optional.empty(), failure.isEmpty(), failure,
        Optional.of(summary));
  }

  private static SyncSummary applierSummary(SyncApplier applier, Prepared p) {
    SyncSummary s = applier.summary();
    return s.a() == null ? emptySummary(p) : s;
  }

  private static SyncSummary emptySummary(Prepared p) {
    return new SyncSummary(SideCounts.zero(p.nameA()), SideCounts.zero(p.nameB()), 0, List.of());
  }

  private static String words(SideCounts s) {
    return s.side() + ": read " + s.read() + ", created " + s.created() + ", updated " + s.updated() + ", deleted " + s.deleted()
        + ", unchanged " + s.unchanged() + ", dead-lettered " + s.deadLettered();
  }

  /** Reads both sides from their watermarks (in full when deletes propagate) and decides every change. */
  private SyncDecisions decide(RunRequest request, Prepared p, Opened sides, Retries retries)
      throws ConnectorException, InterruptedException {
    Sync sync = p.sync();
    String instance = request.instance();
    String flowId = p.flow().id();
    SyncCheckpoint checkpoint = SyncCheckpoint.parse(store.checkpoints().get(instance, flowId));
    boolean full = sync.deletes() == Sync.Deletes.PROPAGATE;
    Optional<String> sinceA = full || sync.a().updated().isEmpty() ? Optional.empty() : checkpoint.a();
    Optional<String> sinceB = full || sync.b().updated().isEmpty() ? Optional.empty() : checkpoint.b();
    SideReader reader = new SideReader(request.config(), retries, PAGE);
    SideChanges ca = reader.read(sides.a(), sinceA, ids -> store.idMap().byA(instance, flowId, ids));
    SideChanges cb = reader.read(sides.b(), sinceB, ids -> store.idMap().byB(instance, flowId, ids));
    return new SyncDecider(sync, sides.a(), sides.b(), store.idMap(), instance, flowId, request.config(), retries).decide(ca, cb);
  }

  // --- what a run or a plan needs before it opens anything

  private record Prepared(
      Flow flow, Sync sync, SystemDef systemA, SystemDef systemB, Connector connectorA, Connector connectorB, RecordMapping aToB,
      RecordMapping bToA, Redactor redactor) {

    String nameA() {
      return SyncSide.describe(systemA, sync.a());
    }

    String nameB() {
      return SyncSide.describe(systemB, sync.b());
    }

    Opened open(RunInfo info) throws ConnectorException {
      RecordSet a = connectorA.openRecordSet(new RecordSetContext(systemA, sync.a(), flow, info));
      try {
        RecordSet b = connectorB.openRecordSet(new RecordSetContext(systemB, sync.b(), flow, info));
        return new Opened(new SyncSide("a", sync.a(), systemA, a, aToB, "a_to_b", nameA()),
            new SyncSide("b", sync.b(), systemB, b, bToA, "b_to_a", nameB()));
      } catch (ConnectorException | RuntimeException e) {
        a.close();
        throw e;
      }
    }
  }

  /** Both sides' record sets, closed together. */
  private record Opened(SyncSide a, SyncSide b) implements AutoCloseable {
    @Override
    public void close() throws ConnectorException {
      try {
        a.set().close();
      } finally {
        b.set().close();
      }
    }
  }

  private Prepared prepare(RunRequest request) throws RunStartException {
    Spec spec = request.spec();
    Flow flow = spec.flow(request.flowId()).orElseThrow(() -> new RunStartException(
        "spec " + spec.id() + " has no flow '" + request.flowId() + "' (its flows: "
            + spec.flows().stream().map(Flow::id).collect(Collectors.joining(", ")) + ")"));
    if (!(flow.body() instanceof Sync sync)) throw new RunStartException("flow " + flow.id() + " is not a two-way sync");
    if (request.input().isPresent())
      throw new RunStartException("flow " + flow.id() + " is a two-way sync: it reads both sides, so an input payload does not apply");
    RecordMapping aToB = mapping(flow, "a_to_b", sync.aToB());
    RecordMapping bToA = mapping(flow, "b_to_a", sync.bToA());
    SystemResolver resolver = new SystemResolver(spec, request.config(), request.secrets(), request.env());
    SystemDef a = resolver.resolve(FlowRunner.systemOf(spec, sync.a().system(), "side a"));
    SystemDef b = resolver.resolve(FlowRunner.systemOf(spec, sync.b().system(), "side b"));
    return new Prepared(flow, sync, a, b, connectors.serving(a), connectors.serving(b), aToB, bToA, resolver.redactor());
  }

  private static RecordMapping mapping(Flow flow, String name, List<MapRow> rows) throws RunStartException {
    Compiled compiled = RecordMapping.compile(rows, Optional.empty());
    if (compiled.mapping().isEmpty() || !compiled.ok())
      throw new RunStartException("flow " + flow.id() + ", " + name + ": " + compiled.problems().stream()
          .map(pr -> pr.path() + ": " + pr.message()).collect(Collectors.joining("; ")));
    return compiled.mapping().get();
  }
}
