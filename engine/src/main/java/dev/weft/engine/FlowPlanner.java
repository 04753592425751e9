package dev.weft.engine;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Preview;
import dev.weft.connector.RunInfo;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.TargetPreview;
import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlanFailed;
import dev.weft.engine.plan.TargetPlan;
import dev.weft.engine.plan.TargetPlanBuilder;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import dev.weft.model.Trigger;
import dev.weft.store.NewDeadLetter;
import dev.weft.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code weft plan}: what a run of a flow would do now, computed by the run's own steps without
 * writing anything. A one-way flow reads its source from the stored checkpoint and maps the
 * records as a run would ({@link BatchMapper}), and asks the target what it holds for each
 * ({@link dev.weft.connector.Connector#openPreview}); a two-way sync is planned by {@link
 * SyncRunner#plan}. Nothing is stored: no run, checkpoint, dead letter or source acknowledgement
 * (a file source is not archived, a queue not consumed).
 */
public final class FlowPlanner {
  private static final Logger log = LoggerFactory.getLogger(FlowPlanner.class);

  /** Changes listed per target (the counts cover all of them). */
  public static final int DEFAULT_LIMIT = SyncRunner.PLAN_LIMIT;

  private final Store store;
  private final Connectors connectors;

  public FlowPlanner(Store store, Connectors connectors) {
    this.store = store;
    this.connectors = connectors;
  }

  /**
   * The plan. {@link RunStartException}: the flow could not run (or cannot be previewed, like a
   * broker source); {@link PlanFailed}: a run would stop before writing, and why; {@link
   * ConnectorException}: a system could not be read.
   */
  public Plan plan(RunRequest request, int limit) throws RunStartException, PlanFailed, ConnectorException {
    if (SyncRunner.isSync(request)) return new SyncRunner(store, connectors).plan(request);
    Spec spec = request.spec();
    Flow flow = FlowRunner.flowOf(spec, request.flowId());
    Flow.Pipeline pipeline = (Flow.Pipeline) flow.body();
    RecordMapping mapping = FlowRunner.mappingOf(flow, pipeline);
    SystemResolver resolver = new SystemResolver(spec, request.config(), request.secrets(), request.env());
    boolean payload = request.input().isPresent();
    SystemDef sourceSystem = resolver.resolve(FlowRunner.systemOf(spec, pipeline.source().system(), "source"));
    SystemDef targetSystem = resolver.resolve(FlowRunner.systemOf(spec, pipeline.target().system(), "target"));
    if (!payload && sourceSystem.connection() == SystemDef.ConnectionKind.BROKER)
      throw new RunStartException("weft plan cannot preview flow " + flow.id() + ": its source is the message broker "
          + sourceSystem.id() + ", and reading it would consume the messages. Give one delivery as --input FILE to see"
          + " what it would do.");
    var sinkConnector = connectors.serving(targetSystem);
    var sourceConnector = payload ? null : connectors.serving(sourceSystem);
    Redactor redactor = resolver.redactor();
    String planId = "plan-" + java.util.UUID.randomUUID();
    Instant startedAt = Instant.now();
    FailureMessage failureMessage = new FailureMessage(flow.errors().message(), planId, startedAt, redactor);
    Checkpoint from = payload
        ? Checkpoint.START
        : store.checkpoints().get(request.instance(), flow.id()).map(Checkpoint::new).orElse(Checkpoint.START);
    RunInfo info = new RunInfo(planId, spec.id(), request.instance(), startedAt, Path.of(System.getProperty("java.io.tmpdir")),
        request.grants());
    String target = FlowRunner.describe(targetSystem, pipeline.target());
    try (Source source = payload ? payloadSource(request.input().get(), flow, pipeline)
            : sourceConnector.openSource(new SourceContext(sourceSystem, pipeline.source(), flow, info));
        TargetPreview preview = sinkConnector.openPreview(new SinkContext(targetSystem, pipeline.target(), flow, info))) {
      if (preview == TargetPreview.APPENDS) target += " (append-only: every record is added)";
      TargetPlanBuilder plan = new TargetPlanBuilder(target, limit);
      BatchMapper mapper = new BatchMapper(flow.id(), mapping, request.config(), flow.errors().invalidRecords(), failureMessage, redactor);
      Retries retries = new Retries(flow.errors().retry(), line -> log.info("plan of {}: {}", flow.id(), line));
      OptionalLong max = flow.volume().flatMap(Flow.Volume::max).map(OptionalLong::of).orElse(OptionalLong.empty());
      read(source, preview, mapper, retries, max, request.batchSize(), from, plan);
      return new Plan(spec.id(), request.instance(), flow.id(), List.<TargetPlan>of(plan.build()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlanFailed("the plan was interrupted");
    }
  }

  private static void read(Source source, TargetPreview preview, BatchMapper mapper, Retries retries, OptionalLong max,
      int batchSize, Checkpoint from, TargetPlanBuilder plan) throws ConnectorException, InterruptedException, PlanFailed {
    Checkpoint at = from;
    long read = 0;
    while (true) {
      Checkpoint next = at;
      Batch batch = retries.call(() -> source.read(next, batchSize));
      int size = batch.records().size();
      if (max.isPresent() && read + size > max.getAsLong())
        throw new PlanFailed("a run would stop before writing past volume.max = " + max.getAsLong()
            + ": the source holds more than that (" + (read + size) + " records read so far)");
      read += size;
      MappedBatch mapped;
      try {
        mapped = mapper.map(batch);
      } catch (FlowFailed e) {
        throw new PlanFailed("a run would fail: " + e.failure().userMessage());
      }
      for (NewDeadLetter dead : mapped.deadLetters()) plan.rejected(dead.position(), dead.reason());
      if (!mapped.toWrite().isEmpty()) {
        List<Preview> found = retries.call(() -> preview.preview(mapped.toWrite()));
        for (int i = 0; i < found.size(); i++)
          plan.add(mapped.positionOfEach().get(i), mapped.toWrite().get(i).value(), found.get(i));
      }
      at = batch.after();
      if (batch.done() || size == 0) return;
    }
  }

  private static Source payloadSource(Path input, Flow flow, Flow.Pipeline pipeline) throws ConnectorException {
    Optional<String> records = flow.trigger(Trigger.Webhook.class).flatMap(Trigger.Webhook::records).or(() -> pipeline.source().records());
    return PayloadSource.read(input, records);
  }
}
