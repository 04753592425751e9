package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.testkit.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments: a CSV of 200,000 rows goes to a PostgreSQL upsert; the run is killed
 * five times (each at a random number of committed rows, from the seed), restarted each time, then
 * let finish. The table must hold every row exactly once,
 * and the resumed runs must not start from zero. Rerun with a seed: {@code -Dweft.seed=N}.
 */
class KillResumeIT {
  private static final int ROWS = 200_000;
  private static final int KILLS = 5;
  private PostgresOrders orders;

  @AfterEach
  void dropTable() throws Exception {
    if (orders != null) orders.drop();
  }

  @Test
  void a_run_killed_five_times_resumes_each_time_and_ends_with_every_row_once(@TempDir Path dir) throws Exception {
    Services.POSTGRESQL.require();
    long seed = Long.getLong("weft.seed", System.nanoTime());
    System.out.println("KillResumeIT seed: " + seed + " (rerun with -Dweft.seed=" + seed + ")");
    Random random = new Random(seed);
    orders = new PostgresOrders();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    OrdersCsv.write(drop.resolve("orders-1.csv"), ROWS);
    Path spec = orders.spec(dir, drop, Services.POSTGRESQL.url(), 3);
    String secret = "pw-" + Long.toHexString(random.nextLong());
    String[] args = {"run", spec.toString(), "--flow", "orders", "--state", orders.stateUrl(), "--secret", "pg_password=" + secret, "--json"};

    int kills = 0;
    long readBefore = 0;
    while (kills < KILLS) {
      Process p = WeftProcess.builder(dir, Map.of(), args).redirectErrorStream(true)
          .redirectOutput(dir.resolve("killed-" + kills + ".log").toFile()).start();
      // a random point within the rows left, spread so that every kill lands mid-run whatever the machine's speed
      long target = readBefore + 1 + random.nextInt((int) Math.max(1, (ROWS - readBefore) / (KILLS - kills + 1)));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (p.isAlive() && orders.readByAllRuns() < target && System.nanoTime() < deadline) Thread.sleep(10);
      assertThat(p.isAlive()).as("run %d ended before it could be killed", kills).isTrue();
      p.destroyForcibly().waitFor();
      kills++;
      long read = orders.readByAllRuns();
      System.out.printf("KillResumeIT: kill %d once %d rows were committed; %d of %d rows committed when it died%n", kills, target, read, ROWS);
      assertThat(read).as("runs after a kill go on from the checkpoint").isGreaterThan(readBefore).isLessThan(ROWS);
      readBefore = read;
    }

    WeftProcess.Result last = WeftProcess.run(dir, Map.of(), args);
    assertThat(last.exit()).as(last.stderr()).isZero();
    Map<?, ?> outcome = new ObjectMapper().readValue(last.stdout(), Map.class);
    assertThat(outcome.get("status")).isEqualTo("succeeded");
    long finalRead = ((Number) outcome.get("read")).longValue();
    assertThat(finalRead).as("the last run resumed rather than starting from zero").isEqualTo(ROWS - readBefore).isLessThan(ROWS);
    // checkpoint and counts are stored in one transaction: no committed row was read twice
    assertThat(orders.readByAllRuns()).isEqualTo(ROWS);
    assertThat(orders.runs()).isEqualTo(KILLS + 1);
    orders.assertHoldsEveryRowOnce(ROWS, seed);
    assertThat(last.stdout() + last.stderr()).doesNotContain(secret);
  }
}
