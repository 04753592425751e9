package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command on a fresh machine: {@code weft serve} with nothing but a free port, in
 * a folder without specs, serves the bundled quickstart on embedded defaults, makes and prints an
 * admin token, creates a demo instance, and says where to look; the printed commands run it.
 */
class ServeQuickstartIT {
  @Test
  void serve_with_no_arguments_serves_the_bundled_quickstart_and_its_demo_instance_runs(@TempDir Path dir) throws Exception {
    Process p = WeftProcess.builder(dir, Map.of(), "serve", "--port", "0").redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        if (line.startsWith("Stop with Ctrl-C")) break;
      }
      String printed = String.join("\n", lines);
      assertThat(printed).as(Files.readString(dir.resolve("stderr.txt"))).contains("listening on http://")
          .contains("quickstart-orders").contains("admin token (shown once, stored hashed): weft_")
          .contains("/health").contains("/metrics").contains("/openapi.json")
          .contains("demo instance: demo (quickstart-orders").contains("trigger demo orders");
      assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("serving the bundled quickstart from .weft/examples");
      Matcher url = Pattern.compile("(http://[^ ]+:\\d+)").matcher(printed);
      assertThat(url.find()).isTrue();
      Matcher token = Pattern.compile("export WEFT_TOKEN=(weft_[0-9a-f]+)").matcher(printed);
      assertThat(token.find()).isTrue();
      Map<String, String> env = Map.of("WEFT_URL", url.group(1), "WEFT_TOKEN", token.group(1));

      WeftProcess.Result trigger = WeftProcess.run(dir, env, "trigger", "demo", "orders");
      assertThat(trigger.exit()).as(trigger.stderr()).isZero();
      Matcher run = Pattern.compile("run ([0-9a-f-]{36}) ").matcher(trigger.stdout());
      assertThat(run.find()).isTrue();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
          .until(() -> WeftProcess.run(dir, env, "runs", "--status", "succeeded").stdout().contains(run.group(1)));
      WeftProcess.Result runs = WeftProcess.run(dir, env, "runs", "--instance", "demo", "--json");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> json = new ObjectMapper().readValue(runs.stdout(), List.class);
      assertThat(json).singleElement().satisfies(r -> assertThat(r).containsEntry("read", 3000).containsEntry("written", 2991)
          .containsEntry("dead_lettered", 3).containsEntry("filtered", 6));
      WeftProcess.Result logs = WeftProcess.run(dir, env, "logs", run.group(1));
      assertThat(logs.exit()).isZero();
      assertThat(logs.stdout()).contains("run of flow orders started").contains("-- run succeeded");
    } finally {
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    // a second start finds the same store: no new token, the demo instance kept, nothing to print twice
    Process again = WeftProcess.builder(dir, Map.of(), "serve", "--port", "0").redirectError(dir.resolve("stderr2.txt").toFile()).start();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        if (line.startsWith("Stop with Ctrl-C")) break;
      }
      assertThat(String.join("\n", lines)).doesNotContain("admin token (shown once").doesNotContain("demo instance:")
          .contains("export WEFT_TOKEN=$WEFT_TOKEN");
    } finally {
      again.destroy();
      again.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
