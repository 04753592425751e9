package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.ConnectorException;
import dev.weft.engine.Connectors;
import dev.weft.engine.FlowPlanner;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunStartException;
import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlanDocument;
import dev.weft.engine.plan.PlanFailed;
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

/** {@code weft plan FILE --flow ID}: what a run would create, update and delete, without writing anything. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what a run of one flow would create, update and delete in each target, field by field, without writing"
          + " anything: it reads the source from where the last run ended and the targets' current records, as a run"
          + " would. A two-way sync shows both sides. A broker source cannot be previewed without consuming it.",
      "Exit codes: 0 the plan was made, 1 a run would fail or a system could not be read, 2 the spec or the command is wrong."
    })
final class PlanCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @picocli.CommandLine.Spec(Target.SELF)
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "FILE", description = "The spec file.")
  Path file;

  @Option(names = "--flow", paramLabel = "ID", description = "The flow to plan (may be left out when the spec has one).")
  Optional<String> flow = Optional.empty();

  @Option(names = "--limit", paramLabel = "N", description = "Changes listed per target (default: ${DEFAULT-VALUE}); the counts cover all.")
  int limit = 50;

  @Option(names = "--batch", paramLabel = "N", description = "Records read per batch (default: ${DEFAULT-VALUE}).")
  int batch = RunRequest.DEFAULT_BATCH;

  @Option(names = "--input", paramLabel = "FILE", description = "A JSON payload to use as the source, as a webhook would deliver it.")
  Optional<Path> input = Optional.empty();

  @Option(names = "--json", description = "Print the plan as one JSON object on stdout.")
  boolean json;

  @Mixin StateOptions state = new StateOptions();

  @Mixin RunInputs inputs = new RunInputs();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = command.commandLine().getErr();
    if (limit < 0 || batch < 1) {
      err.println("weft plan: --limit must be 0 or more and --batch at least 1");
      return 2;
    }
    Optional<RunRequest> prepared = inputs.request("weft plan", file, flow, batch, input, state, err);
    if (prepared.isEmpty()) return 2;
    RunRequest request = prepared.get();
    Plan plan;
    try (Store store = state.open()) {
      plan = new FlowPlanner(store, Connectors.discovered()).plan(request, Math.max(limit, 1)).limitedTo(limit);
    } catch (RunStartException | StoreException e) {
      return failed(err, e.getMessage(), 2);
    } catch (PlanFailed e) {
      return failed(err, e.getMessage(), 1);
    } catch (ConnectorException e) {
      return failed(err, e.userMessage(), 1);
    }
    if (json) System.out.println(JSON.writeValueAsString(PlanDocument.of(plan, limit)));
    else System.out.print(new PlanText(ProgressLine.onTerminal()).render(plan));
    System.out.flush();
    return 0;
  }

  private int failed(PrintWriter err, String why, int status) throws Exception {
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("status", "failed");
      out.put("error", why);
      System.out.println(JSON.writeValueAsString(out));
    }
    err.println("weft plan: " + why);
    return status;
  }
}
