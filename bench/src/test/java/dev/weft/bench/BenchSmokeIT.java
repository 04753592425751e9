package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testkit.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@code bench/run --smoke} (seconds, no figures asserted) so that the harness never rots. */
class BenchSmokeIT {
  @Test
  void everyVariantOfEveryWorkloadRunsAndLandsEveryRow() throws Exception {
    Services.POSTGRESQL.require();
    Path bench = Path.of("").toAbsolutePath();
    Path out = bench.resolve("target/smoke");
    Files.createDirectories(out);
    Process run =
        new ProcessBuilder("bash", bench.resolve("run").toString(), "--smoke", "--no-build", "--out", out.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("run.log").toFile())
            .start();
    assertThat(run.waitFor(10, TimeUnit.MINUTES)).as("bench/run --smoke finished").isTrue();
    String log = Files.readString(out.resolve("run.log"));
    assertThat(run.exitValue()).as("bench/run exit code; log:%n%s", log).isZero();
    String results = Files.readString(out.resolve("RESULTS.md"));
    assertThat(results)
        .contains("weft run", "Apache Camel", "COPY into staging", "hand-written", "weft serve", "platform-http", "Webhook latency",
            "Two-way sync", "1% changed on each side")
        .doesNotContain("**no**");
    assertThat(out.resolve("chart.png")).isNotEmptyFile();
  }
}
