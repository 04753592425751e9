package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft serve} as a process: it says where it listens, answers, and stops on SIGTERM; {@code weft secret set} encrypts. */
class ServeIT {
  private static final Path EXAMPLE = Path.of("..", "examples", "webhook-orders-to-rabbitmq.yaml").toAbsolutePath().normalize();
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void serve_prints_its_url_answers_and_stops_on_sigterm(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(EXAMPLE), "no " + EXAMPLE);
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.copy(EXAMPLE, specs.resolve("webhook.yaml"));
    Process p = WeftProcess.builder(dir, Map.of("WEFT_MASTER_KEY", KEY, "WEFT_ADMIN_TOKEN", "it-admin"), "serve", "--specs",
        specs.toString(), "--store", "jdbc:h2:file:" + dir.resolve("state"), "--port", "0")
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as("stderr: " + Files.readString(dir.resolve("stderr.txt"))).contains("listening on http://");
      Matcher url = Pattern.compile("(http://[^ ]+:\\d+)").matcher(first);
      assertThat(url.find()).isTrue();
      assertThat(out.readLine()).contains("webhook-orders-to-rabbitmq");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> integrations = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/integrations"))
          .header("Authorization", "Bearer it-admin").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(integrations.body()).contains("\"id\":\"webhook-orders-to-rabbitmq\"");
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIGTERM").isTrue();

      Matcher latest = Pattern.compile("\"latest\":\"([0-9a-f]+)\"").matcher(integrations.body());
      assertThat(latest.find()).isTrue();
      String state = "jdbc:h2:file:" + dir.resolve("state");
      WeftProcess.Result approved = WeftProcess.run(dir, Map.of(), "approve", "webhook-orders-to-rabbitmq", "--version", latest.group(1),
          "--by", "Fulfilment lead", "--store", state);
      assertThat(approved.exit()).as(approved.stderr()).isZero();
      assertThat(approved.stdout()).contains("approved webhook-orders-to-rabbitmq version " + latest.group(1));
      WeftProcess.Result unknown = WeftProcess.run(dir, Map.of(), "approve", "webhook-orders-to-rabbitmq", "--version", "0000",
          "--by", "x", "--store", state);
      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.stderr()).contains("its versions: " + latest.group(1));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void trigger_runs_a_flow_of_an_instance_on_a_running_server(@TempDir Path dir) throws Exception {
    Path quickstart = Path.of("..", "examples", "quickstart.yaml").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isRegularFile(quickstart), "no " + quickstart);
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.copy(quickstart, specs.resolve("quickstart.yaml"));
    Files.createDirectories(dir.resolve("examples/quickstart"));
    Files.copy(quickstart.resolveSibling("quickstart/orders.csv"), dir.resolve("examples/quickstart/orders.csv"));
    Process p = WeftProcess.builder(dir, Map.of("WEFT_MASTER_KEY", KEY, "WEFT_ADMIN_TOKEN", "it-admin"), "serve", "--specs",
        specs.toString(), "--store", "jdbc:h2:file:" + dir.resolve("state"), "--port", "0")
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      Matcher url = Pattern.compile("(http://[^ ]+:\\d+)").matcher(String.valueOf(first));
      assertThat(url.find()).as(first + Files.readString(dir.resolve("stderr.txt"))).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/instances"))
          .header("Authorization", "Bearer it-admin").POST(HttpRequest.BodyPublishers.ofString(
              "{\"id\": \"qs\", \"customer\": \"us\", \"integration\": \"quickstart-orders\", \"environment\": \"test\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      WeftProcess.Result refused = WeftProcess.run(dir, Map.of(), "trigger", "qs", "orders", "--url", url.group(1), "--token", "wrong");
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.stderr()).contains("401");
      WeftProcess.Result run = WeftProcess.run(dir, Map.of(), "trigger", "qs", "orders", "--url", url.group(1), "--token", "it-admin");
      assertThat(run.exit()).as(run.stderr()).isZero();
      Matcher runId = Pattern.compile("run ([0-9a-f-]{36}) of qs/orders started").matcher(run.stdout());
      assertThat(runId.find()).as(run.stdout()).isTrue();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> http.send(
          HttpRequest.newBuilder(URI.create(url.group(1) + "/api/runs/" + runId.group(1))).header("Authorization", "Bearer it-admin").build(),
          HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"succeeded\""));
    } finally {
      p.destroy();
      p.waitFor(60, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
  }

  @Test
  void secret_set_reads_stdin_and_stores_the_value_encrypted(@TempDir Path dir) throws Exception {
    Process p = WeftProcess.builder(dir, Map.of("WEFT_MASTER_KEY", KEY), "secret", "set", "ledger_password", "--store",
        "jdbc:h2:file:" + dir.resolve("state")).redirectError(dir.resolve("stderr.txt").toFile()).start();
    p.getOutputStream().write("pw-NEVER-IN-CLEAR-77\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("secret ledger_password stored").doesNotContain("pw-NEVER");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("state")).toList())
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains("ledger_password").doesNotContain("pw-NEVER");
    }
  }
}
