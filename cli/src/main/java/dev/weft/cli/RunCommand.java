package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.Connectors;
import dev.weft.engine.FlowRunner;
import dev.weft.engine.ProgressListener;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.RunStartException;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code weft run FILE --flow ID}: runs one flow once, here, and says what it did. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one flow once, locally, from where its last run ended.",
      "Exit codes: 0 the run succeeded, 1 the run failed, 2 the spec or the command is wrong."
    })
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @picocli.CommandLine.Spec(Target.SELF)
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "FILE", description = "The spec file.")
  Path file;

  @Option(names = "--flow", paramLabel = "ID", description = "The flow to run (may be left out when the spec has one).")
  Optional<String> flow = Optional.empty();

  @Option(names = "--batch", paramLabel = "N", description = "Records per batch (default: ${DEFAULT-VALUE}).")
  int batch = RunRequest.DEFAULT_BATCH;

  @Option(names = "--input", paramLabel = "FILE",
      description = "A JSON payload to use as the source, as a webhook would deliver it. Such a run does not move the checkpoint.")
  Optional<Path> input = Optional.empty();

  @Option(names = "--json", description = "Print one JSON object with the outcome on stdout, and no progress.")
  boolean json;

  @Mixin StateOptions state = new StateOptions();

  @Mixin RunInputs inputs = new RunInputs();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = command.commandLine().getErr();
    if (batch < 1) {
      err.println("weft run: --batch must be at least 1");
      return 2;
    }
    Optional<RunRequest> prepared = inputs.request("weft run", file, flow, batch, input, state, err);
    if (prepared.isEmpty()) return 2;
    RunRequest request = prepared.get();

    RunResult result;
    try (Store store = state.open()) {
      FlowRunner runner = new FlowRunner(store, Connectors.discovered());
      if (!json && ProgressLine.onTerminal()) {
        try (ProgressLine line = new ProgressLine(System.err)) {
          result = runner.run(request, line);
        }
      } else {
        result = runner.run(request, ProgressListener.none());
      }
    } catch (RunStartException e) {
      return cannotStart(err, e.getMessage());
    } catch (StoreException e) {
      return cannotStart(err, e.getMessage());
    }
    if (json) {
      System.out.println(JSON.writeValueAsString(jsonOf(result)));
    } else if (result.succeeded()) {
      System.out.println(RunSummary.of(result));
    } else {
      err.println(RunSummary.of(result));
    }
    err.flush();
    return result.succeeded() ? 0 : 1;
  }

  private int cannotStart(PrintWriter err, String why) throws Exception {
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("status", "not_started");
      out.put("error", why);
      System.out.println(JSON.writeValueAsString(out));
    }
    err.println("weft run: " + why);
    return 2;
  }

  private static Map<String, Object> jsonOf(RunResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", r.status().key());
    out.put("run_id", r.runId());
    out.put("read", r.counts().read());
    out.put("written", r.counts().written());
    out.put("dead_lettered", r.counts().deadLettered());
    out.put("filtered", r.counts().filtered());
    out.put("skipped", r.counts().skipped());
    out.put("seconds", Math.round(r.elapsed().toMillis() / 10.0) / 100.0);
    out.put("source", r.source());
    out.put("target", r.target());
    out.put("last_position", r.lastPosition().orElse(null));
    out.put("checkpoint_stored", r.checkpointStored());
    out.put("error", r.failure().map(f -> f.userMessage()).orElse(null));
    r.sync().ifPresent(s -> {
      Map<String, Object> sync = new LinkedHashMap<>();
      sync.put("a", side(s.a()));
      sync.put("b", side(s.b()));
      sync.put("conflicts", s.conflicts());
      sync.put("conflict_notes", s.conflictNotes());
      out.put("sync", sync);
    });
    return out;
  }

  private static Map<String, Object> side(dev.weft.store.SideCounts c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("side", c.side());
    out.put("read", c.read());
    out.put("created", c.created());
    out.put("updated", c.updated());
    out.put("deleted", c.deleted());
    out.put("unchanged", c.unchanged());
    out.put("dead_lettered", c.deadLettered());
    return out;
  }
}
