package dev.weft.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft logs RUN [--follow]}: what a run said, from a running {@code weft serve}. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a run's log lines (weft runs lists the runs), from a running weft serve (--server, --token).",
      "With --follow, a running run's new lines are printed as they come until it ends.",
      "Exit codes: 0 the run succeeded (or is running, without --follow), 1 it failed, 2 the server cannot be reached."
    })
final class LogsCommand extends InstanceCommand.ApiCommand {
  static final Duration POLL = Duration.ofSeconds(1);

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
  String runId;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the run ends.")
  boolean follow;

  @Override
  int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
    int printed = 0;
    while (true) {
      ServerApi.Answer a = api.get("/api/runs/" + ServerApi.segment(runId));
      if (!a.ok()) return a.explain(err, name());
      Map<String, Object> run = a.map();
      List<?> lines = run.get("log") instanceof List<?> l ? l : List.of();
      for (int i = printed; i < lines.size(); i++)
        if (lines.get(i) instanceof Map<?, ?> line)
          out.println(line.get("at") + "  " + String.format("%-5s", line.get("level")) + "  " + line.get("message"));
      printed = lines.size();
      out.flush();
      String status = String.valueOf(run.get("status"));
      if (!follow || !status.equals("running")) {
        if (!status.equals("running"))
          out.println("-- run " + status + (run.get("error") == null ? "" : ": " + run.get("error")));
        return status.equals("failed") ? 1 : 0;
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
