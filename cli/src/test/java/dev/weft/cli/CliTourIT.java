package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's five-minute tour, command by command, as a user types it: the built jar as a process,
 * run from a folder holding a copy of {@code examples/}, so {@code ./.weft} state lands there.
 */
class CliTourIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMMANDS =
      List.of("validate", "schema", "doc", "test", "run", "dlq", "generate-completion", "help");

  private final List<WeftProcess.Result> everything = new ArrayList<>();

  private WeftProcess.Result weft(Path dir, String... args) throws IOException, InterruptedException {
    WeftProcess.Result r = WeftProcess.run(dir, Map.of(), args);
    everything.add(r);
    String all = r.stdout() + r.stderr();
    assertThat(all).as("weft " + String.join(" ", args) + " prints no stack trace")
        .doesNotContain("\tat ").doesNotContain("at dev.weft.").doesNotContain("Exception in thread");
    return r;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  private static int orderRows(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(".weft/quickstart"));
        ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM orders")) {
      r.next();
      assertThat(r.getInt(2)).as("one row per order id").isEqualTo(r.getInt(1));
      return r.getInt(1);
    }
  }

  private static long sumOfCounts(JsonNode run) {
    return run.get("written").asLong() + run.get("dead_lettered").asLong() + run.get("filtered").asLong()
        + run.get("skipped").asLong();
  }

  @Test
  void theFiveMinuteTour(@TempDir Path dir) throws Exception {
    copyTree(REPO.resolve("examples"), dir.resolve("examples"));
    List<String> specs;
    try (Stream<Path> files = Files.list(dir.resolve("examples"))) {
      specs = files.map(f -> "examples/" + f.getFileName()).filter(f -> f.endsWith(".yaml")).sorted().toList();
    }
    assertThat(specs).contains("examples/quickstart.yaml", "examples/shop-orders-to-ledger.yaml");

    // ./weft --help: every command
    WeftProcess.Result help = weft(dir, "--help");
    assertThat(help.exit()).isZero();
    List<String> declared = Weft.commandLine().getSubcommands().entrySet().stream()
        .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden()).map(Map.Entry::getKey).toList();
    assertThat(declared).as("the README's commands are all there").containsAll(COMMANDS);
    for (String command : declared)
      assertThat(help.stdout()).as("--help lists " + command).containsPattern("(?m)^\\s+" + Pattern.quote(command) + "\\s+\\S");
    for (String command : COMMANDS.subList(0, 6)) {
      WeftProcess.Result one = weft(dir, command, "--help");
      assertThat(one.exit()).as(command + " --help").isZero();
      assertThat(one.stdout()).startsWith("Usage: weft " + command);
    }

    // ./weft validate examples/*.yaml
    List<String> validateArgs = new ArrayList<>(List.of("validate"));
    validateArgs.addAll(specs);
    WeftProcess.Result validate = weft(dir, validateArgs.toArray(String[]::new));
    assertThat(validate.exit()).as(validate.stderr()).isZero();
    for (String spec : specs) assertThat(validate.stdout()).contains(spec + ": valid");
    assertThat(validate.stdout().lines().count()).isEqualTo(specs.size());

    // ./weft doc ... --format html -o ledger.html: one self-contained file
    WeftProcess.Result doc = weft(dir, "doc", "examples/shop-orders-to-ledger.yaml", "--format", "html", "-o", "ledger.html");
    assertThat(doc.exit()).as(doc.stderr()).isZero();
    String html = Files.readString(dir.resolve("ledger.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style").contains("<svg").contains("</html>")
        .contains("Integration Specification");
    assertThat(html).as("self-contained: no external script, stylesheet or image")
        .doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+stylesheet")
        .doesNotContainPattern("<img[^>]+src=\"(https?:)?//");

    // ./weft test examples/quickstart.yaml
    WeftProcess.Result test = weft(dir, "test", "examples/quickstart.yaml");
    assertThat(test.exit()).as(test.stdout() + test.stderr()).isZero();
    assertThat(test.stdout()).contains("PASS ").containsPattern("(?m)^[1-9]\\d* passed, 0 failed$");

    // ./weft run examples/quickstart.yaml --flow orders --json
    assertThat(dir.resolve(".weft")).doesNotExist();
    long csvRecords;
    try (Stream<String> lines = Files.lines(dir.resolve("examples/quickstart/orders.csv"))) {
      csvRecords = lines.filter(l -> !l.isBlank()).count() - 1;
    }
    WeftProcess.Result run = weft(dir, "run", "examples/quickstart.yaml", "--flow", "orders", "--json");
    assertThat(run.exit()).as(run.stderr()).isZero();
    JsonNode first = JSON.readTree(run.stdout());
    assertThat(first.get("status").asText()).isEqualTo("succeeded");
    assertThat(first.get("read").asLong()).as("every data line of orders.csv").isEqualTo(csvRecords);
    assertThat(sumOfCounts(first)).as("read = written + dead_lettered + filtered + skipped").isEqualTo(first.get("read").asLong());
    assertThat(first.get("dead_lettered").asLong()).as("the quickstart has bad rows").isPositive();
    assertThat(first.get("filtered").asLong()).as("and cancelled orders").isPositive();
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(dir.resolve(".weft")).as("state lands in ./.weft of the working directory").isDirectory();
    assertThat(orderRows(dir)).isEqualTo(first.get("written").asInt());

    // a second run: succeeds, reads nothing new, the table is unchanged
    WeftProcess.Result again = weft(dir, "run", "examples/quickstart.yaml", "--flow", "orders", "--json");
    assertThat(again.exit()).as(again.stderr()).isZero();
    JsonNode second = JSON.readTree(again.stdout());
    assertThat(second.get("status").asText()).isEqualTo("succeeded");
    assertThat(sumOfCounts(second)).isEqualTo(second.get("read").asLong());
    assertThat(second.get("read").asLong()).as("the checkpoint holds").isZero();
    assertThat(orderRows(dir)).isEqualTo(first.get("written").asInt());

    // a run with fresh state reads the whole file again: the upsert leaves the same rows
    WeftProcess.Result fresh = weft(dir, "run", "examples/quickstart.yaml", "--flow", "orders", "--json",
        "--state", "jdbc:h2:file:./.weft/tour-fresh-state");
    assertThat(fresh.exit()).as(fresh.stderr()).isZero();
    JsonNode third = JSON.readTree(fresh.stdout());
    assertThat(third.get("written").asLong()).isEqualTo(first.get("written").asLong());
    assertThat(orderRows(dir)).isEqualTo(first.get("written").asInt());

    // ./weft dlq list: the dead letters of the first run, each with its reason
    WeftProcess.Result dlq = weft(dir, "dlq", "list");
    assertThat(dlq.exit()).as(dlq.stderr()).isZero();
    Matcher row = Pattern.compile("(?m)^(\\d+)\\s+orders\\s+(orders\\.csv:\\d+)\\s+(\\w+)\\s+(\\S.*)$").matcher(dlq.stdout());
    List<String> reasons = new ArrayList<>();
    while (row.find()) reasons.add(row.group(4));
    assertThat(reasons).as(dlq.stdout()).hasSize(first.get("dead_lettered").asInt()).allMatch(r -> r.length() > 10);
    assertThat(dlq.stdout()).contains("'ten' is not a number")
        .contains(first.get("dead_lettered").asInt() + " dead letters");

    // ./weft schema > weft.schema.json
    WeftProcess.Result schema = weft(dir, "schema");
    assertThat(schema.exit()).isZero();
    assertThat(JSON.readTree(schema.stdout()).path("properties").has("flows")).isTrue();

    // source <(./weft generate-completion): a bash script bash can read
    WeftProcess.Result completion = weft(dir, "generate-completion");
    assertThat(completion.exit()).isZero();
    assertThat(completion.stdout()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("validate").contains("dlq");
    Path script = Files.writeString(dir.resolve("weft-completion.bash"), completion.stdout());
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String bashSays = new String(bash.getInputStream().readAllBytes());
    assertThat(bash.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(bash.exitValue()).as("bash -n: " + bashSays).isZero();

    assertThat(everything).allSatisfy(r -> assertThat(r.stderr()).doesNotContain("DEBUG").doesNotContain(" ERROR "));
  }

  @Test
  void mistakesOnTheTourAreOneLineAndExitNonZero(@TempDir Path dir) throws Exception {
    copyTree(REPO.resolve("examples"), dir.resolve("examples"));

    WeftProcess.Result unknown = weft(dir, "valdate", "examples/quickstart.yaml");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("valdate");

    WeftProcess.Result missing = weft(dir, "validate", "examples/nope.yaml");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.stderr().strip()).isEqualTo("examples/nope.yaml: no such file");

    WeftProcess.Result runMissing = weft(dir, "run", "examples/nope.yaml", "--flow", "orders");
    assertThat(runMissing.exit()).isEqualTo(2);
    assertThat(runMissing.stderr().strip()).isEqualTo("examples/nope.yaml: no such file");

    WeftProcess.Result badState = weft(dir, "run", "examples/quickstart.yaml", "--flow", "orders", "--json", "--state", "jdbc:nope:x");
    assertThat(badState.exit()).isNotZero();
    assertThat(badState.stderr()).contains("cannot open the state store").doesNotContain("\tat ");
    assertThat(dir.resolve("examples/nope.yaml")).doesNotExist();

    WeftProcess.Result emptyDlq = weft(dir, "dlq", "list");
    assertThat(emptyDlq.exit()).isZero();
    assertThat(emptyDlq.stdout().strip()).isEqualTo("No dead letters.");

    WeftProcess.Result noLetter = weft(dir, "dlq", "show", "42");
    assertThat(noLetter.exit()).isEqualTo(2);
    assertThat(noLetter.stderr()).contains("no dead letter 42");
  }
}
