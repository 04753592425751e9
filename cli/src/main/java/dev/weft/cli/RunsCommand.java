package dev.weft.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code weft runs}: the run history of a running {@code weft serve}, newest first, filtered. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists runs, newest first, from a running weft serve (--server, --token).",
      "An admin token sees every run in the store (weft run's too); a customer token its instances' runs.",
      "See one run's log with weft logs RUN."
    })
final class RunsCommand extends InstanceCommand.ApiCommand {
  @Option(names = "--instance", paramLabel = "ID", description = "Only this instance's runs.")
  Optional<String> instance = Optional.empty();

  @Option(names = "--flow", paramLabel = "ID", description = "Only this flow's runs.")
  Optional<String> flow = Optional.empty();

  @Option(names = "--status", paramLabel = "STATUS", description = "Only running, succeeded or failed runs.")
  Optional<String> status = Optional.empty();

  @Option(names = "--since", paramLabel = "WHEN", description = "Only runs started since a time (2026-11-27T10:00:00Z, 2026-11-27) or within an age (30m, 2h, 7d).")
  Optional<String> since = Optional.empty();

  @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit = 50;

  @Option(names = "--json", description = "As JSON.")
  boolean json;

  @Override
  int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
    List<String> query = new ArrayList<>();
    instance.ifPresent(i -> query.add("instance=" + ServerApi.segment(i)));
    flow.ifPresent(f -> query.add("flow=" + ServerApi.segment(f)));
    status.ifPresent(s -> query.add("status=" + ServerApi.segment(s)));
    since.ifPresent(s -> query.add("since=" + ServerApi.segment(s)));
    query.add("limit=" + limit);
    ServerApi.Answer a = api.get("/api/runs?" + String.join("&", query));
    if (!a.ok()) return a.explain(err, name());
    if (json) {
      out.println(ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a.body()));
      return 0;
    }
    if (a.list().isEmpty()) {
      out.println("No runs" + (query.size() > 1 ? " match." : " yet."));
      return 0;
    }
    Table t = new Table("RUN", "INSTANCE", "FLOW", "TRIGGER", "STATUS", "STARTED", "TOOK", "READ", "WRITTEN", "DEAD", "ERROR");
    for (Map<String, Object> r : a.list())
      t.row(r.get("id"), r.get("instance"), r.get("flow"), r.get("trigger"), r.get("status"), r.get("started_at"),
          took(r), count(r.get("read")), count(r.get("written")), count(r.get("dead_lettered")), r.get("error") == null ? "" : r.get("error"));
    t.print(out);
    return 0;
  }

  private static String count(Object n) {
    return n instanceof Number number ? Words.count(number.longValue()) : "-";
  }

  static String took(Map<String, Object> run) {
    if (run.get("started_at") == null || run.get("finished_at") == null) return "-";
    Duration d = Duration.between(Instant.parse(String.valueOf(run.get("started_at"))), Instant.parse(String.valueOf(run.get("finished_at"))));
    if (d.toMinutes() >= 1) return d.toMinutes() + "m" + d.toSecondsPart() + "s";
    return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
