package dev.weft.engine;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.WriteResult;
import dev.weft.mapping.Outcome;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.Flow;
import dev.weft.model.SystemDef;
import dev.weft.store.DeadLetter;
import dev.weft.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends dead letters again: each stored source record is mapped with the current spec and written
 * through the flow's sink. One that goes through is marked replayed; one that fails again stays,
 * with the new reason.
 */
public final class DeadLetterReplay {
  private final Store store;
  private final Connectors connectors;

  public DeadLetterReplay(Store store, Connectors connectors) {
    this.store = store;
    this.connectors = connectors;
  }

  /** What happened to one letter. {@code reason} is empty when it was delivered. */
  public record Replayed(long id, boolean delivered, Optional<String> reason) {}

  /**
   * Replays the letters with the request's spec, instance, config and secrets (its flow id is not
   * used: each letter names its flow).
   */
  public List<Replayed> replay(RunRequest request, List<DeadLetter> letters) throws RunStartException {
    Map<String, List<DeadLetter>> byFlow = new LinkedHashMap<>();
    for (DeadLetter letter : letters) byFlow.computeIfAbsent(letter.flow(), f -> new ArrayList<>()).add(letter);
    List<Replayed> results = new ArrayList<>();
    for (var entry : byFlow.entrySet()) results.addAll(replayFlow(request, entry.getKey(), entry.getValue()));
    return results;
  }

  private List<Replayed> replayFlow(RunRequest request, String flowId, List<DeadLetter> letters) throws RunStartException {
    Flow flow = FlowRunner.flowOf(request.spec(), flowId);
    Flow.Pipeline pipeline = (Flow.Pipeline) flow.body();
    RecordMapping mapping = FlowRunner.mappingOf(flow, pipeline);
    SystemResolver resolver = new SystemResolver(request.spec(), request.config(), request.secrets(), request.env());
    SystemDef target = resolver.resolve(FlowRunner.systemOf(request.spec(), pipeline.target().system(), "target"));
    Redactor redactor = resolver.redactor();
    var connector = connectors.serving(target);
    Retries retries = new Retries(flow.errors().retry(), line -> {});
    RunInfo info = new RunInfo("replay-" + Instant.now().toEpochMilli(), request.spec().id(), request.instance(), Instant.now(),
        Path.of(System.getProperty("java.io.tmpdir")), request.grants());
    List<Replayed> results = new ArrayList<>();
    List<Long> delivered = new ArrayList<>();
    try (Sink sink = connector.openSink(new SinkContext(target, pipeline.target(), flow, info))) {
      for (DeadLetter letter : letters) {
        Replayed result = replayOne(letter, flowId, mapping, request.config(), sink, retries, redactor);
        results.add(result);
        if (result.delivered()) delivered.add(letter.id());
      }
      retries.call(() -> {
        sink.finish();
        return null;
      });
    } catch (ConnectorException e) {
      throw new RunStartException("replay through " + target.id() + " failed: " + redactor.redact(e.userMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunStartException("replay interrupted", e);
    }
    for (long id : delivered) store.deadLetters().markReplayed(id);
    return results;
  }

  private Replayed replayOne(
      DeadLetter letter, String flowId, RecordMapping mapping, Map<String, Object> config, Sink sink, Retries retries,
      Redactor redactor) throws InterruptedException {
    Object sourceError = letter.sourceRecord().get(BatchMapper.SOURCE_ERROR);
    if (sourceError != null) return failed(letter, "source", "source: " + sourceError);
    return switch (mapping.apply(letter.sourceRecord(), config)) {
      case Outcome.Filtered f -> new Replayed(letter.id(), true, Optional.empty());
      case Outcome.Invalid invalid -> failed(letter, "map", invalid.reason());
      case Outcome.Mapped mapped -> {
        try {
          WriteResult result = retries.call(() -> sink.write(List.of(new SinkRecord(mapped.value(), flowId + ":" + letter.position()))));
          if (result.rejected().isEmpty()) yield new Replayed(letter.id(), true, Optional.empty());
          yield failed(letter, "target", "target: " + redactor.redact(result.rejected().get(0).reason()));
        } catch (ConnectorException e) {
          yield failed(letter, "target", "target: " + redactor.redact(e.userMessage()));
        }
      }
    };
  }

  private Replayed failed(DeadLetter letter, String step, String reason) {
    store.deadLetters().updateReason(letter.id(), step, reason);
    return new Replayed(letter.id(), false, Optional.of(reason));
  }
}
