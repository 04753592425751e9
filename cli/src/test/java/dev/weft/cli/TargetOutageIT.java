package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.testkit.Services;
import dev.weft.testkit.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target goes away mid-run: weft writes to PostgreSQL through a {@link TcpProxy} that the test
 * cuts. Back within the retry budget, the run succeeds; gone for longer, the run fails with the
 * spec's message and the next run resumes. State in embedded H2 here (PostgreSQL in {@link KillResumeIT}).
 */
class TargetOutageIT {
  private static final int ROWS = 60_000;
  private PostgresOrders orders;
  private TcpProxy proxy;

  @AfterEach
  void cleanUp() throws Exception {
    if (proxy != null) proxy.close();
    if (orders != null) orders.drop();
  }

  private String[] args(Path spec, Path dir) {
    return new String[] {"run", spec.toString(), "--flow", "orders", "--batch", "500", "--state",
        "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0", "--secret", "pg_password=unused", "--json"};
  }

  private Path prepare(Path dir, int attempts) throws Exception {
    Services.POSTGRESQL.require();
    orders = new PostgresOrders();
    proxy = new TcpProxy("127.0.0.1", Services.POSTGRESQL.port());
    Path drop = Files.createDirectories(dir.resolve("drop"));
    OrdersCsv.write(drop.resolve("orders-1.csv"), ROWS);
    return orders.spec(dir, drop, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=postgres", attempts);
  }

  private Process startAndWaitForRows(Path dir, String[] args) throws Exception {
    Process p = WeftProcess.builder(dir, Map.of(), args).redirectOutput(dir.resolve("out.json").toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (p.isAlive() && orders.count() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(p.isAlive()).as("the run ended before the outage began").isTrue();
    return p;
  }

  @Test
  void an_outage_shorter_than_the_retry_budget_loses_nothing(@TempDir Path dir) throws Exception {
    Path spec = prepare(dir, 5);
    Process p = startAndWaitForRows(dir, args(spec, dir));
    proxy.cut();
    Thread.sleep(2000);
    proxy.restore();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(p.exitValue()).as(err).isZero();
    orders.assertHoldsEveryRowOnce(ROWS, 7);
  }

  @Test
  void a_longer_outage_fails_the_run_with_the_spec_message_and_the_next_run_resumes(@TempDir Path dir) throws Exception {
    Path spec = prepare(dir, 2);
    String[] args = args(spec, dir);
    Process p = startAndWaitForRows(dir, args);
    proxy.cut();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the run gives up once its retries are spent").isTrue();
    proxy.restore();
    String err = Files.readString(dir.resolve("err.txt"));
    Map<?, ?> failed = new ObjectMapper().readValue(dir.resolve("out.json").toFile(), Map.class);
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(failed.get("status")).isEqualTo("failed");
    assertThat((String) failed.get("error")).matches("Order A-\\d+ was not loaded: .+");
    long committed = ((Number) failed.get("read")).longValue();
    assertThat(committed).isLessThan(ROWS);

    WeftProcess.Result second = WeftProcess.run(dir, Map.of(), args);
    assertThat(second.exit()).as(second.stderr()).isZero();
    Map<?, ?> resumed = new ObjectMapper().readValue(second.stdout(), Map.class);
    assertThat(((Number) resumed.get("read")).longValue()).isEqualTo(ROWS - committed);
    orders.assertHoldsEveryRowOnce(ROWS, 11);
  }
}
