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
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
    if (input.isPresent() && !Files.isRegularFile(input.get())) {
      err.println("weft plan: no input file " + input.get());
      return 2;
    }
    Optional<Spec> loaded = SpecFiles.load(file, err);
    if (loaded.isEmpty()) return 2;
    Spec spec = loaded.get();
    Optional<String> flowId = flow.or(() -> spec.flows().size() == 1 ? Optional.of(spec.flows().get(0).id()) : Optional.empty());
    if (flowId.isEmpty()) {
      err.println("weft plan: say which flow with --flow; " + file + " has " + String.join(", ", spec.flows().stream().map(Flow::id).toList()));
      return 2;
    }
    RunRequest request = inputs.request(spec, flowId.get(), state).withBatchSize(batch).withSpecVersion(SpecFiles.version(file));
    if (input.isPresent()) request = request.withInput(input.get());
    Plan plan;
    try (Store store = state.open()) {
      plan = new FlowPlanner(store, Connectors.discovered()).plan(request, Math.max(limit, 1));
    } catch (RunStartException | StoreException e) {
      return failed(err, e.getMessage(), 2);
    } catch (PlanFailed e) {
      return failed(err, e.getMessage(), 1);
    } catch (ConnectorException e) {
      return failed(err, e.userMessage(), 1);
    }
    if (json) System.out.println(JSON.writeValueAsString(PlanDocument.of(plan, limit)));
    else System.out.print(new PlanText(ProgressLine.onTerminal(), limit).render(plan));
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
