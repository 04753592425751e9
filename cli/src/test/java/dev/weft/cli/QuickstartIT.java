package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, on a fresh copy of the examples: CSV to embedded H2, twice, then the dead letters. */
class QuickstartIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void the_quickstart_runs_resumes_upserts_and_shows_its_dead_letters(@TempDir Path dir) throws Exception {
    Path examples = Files.createDirectories(dir.resolve("examples/quickstart"));
    Files.copy(REPO.resolve("examples/quickstart.yaml"), dir.resolve("examples/quickstart.yaml"));
    Files.copy(REPO.resolve("examples/quickstart/orders.csv"), examples.resolve("orders.csv"));

    WeftProcess.Result first = WeftProcess.run(dir, Map.of(), "run", "examples/quickstart.yaml", "--flow", "orders");
    assertThat(first.exit()).as(first.stderr()).isZero();
    assertThat(first.stdout()).startsWith("Read 3,000 records from export in ")
        .contains("2,991 written to shop_db.orders, 3 dead-lettered, 6 filtered.")
        .contains("the next run resumes after orders.csv:3000")
        .contains("weft dlq list");

    WeftProcess.Result again = WeftProcess.run(dir, Map.of(), "run", "examples/quickstart.yaml", "--flow", "orders", "--json");
    assertThat(again.exit()).isZero();
    assertThat(new ObjectMapper().readValue(again.stdout(), Map.class)).containsEntry("read", 0).containsEntry("status", "succeeded");

    // a fresh state reads the file again; the upsert leaves the same rows
    WeftProcess.Result fresh = WeftProcess.run(dir, Map.of(), "run", "examples/quickstart.yaml", "--flow", "orders", "--json",
        "--state", "jdbc:h2:file:./.weft/other-state");
    assertThat(new ObjectMapper().readValue(fresh.stdout(), Map.class)).containsEntry("written", 2991);
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(".weft/quickstart"));
        ResultSet r = c.createStatement().executeQuery(
            "SELECT COUNT(*), SUM(weight_kg), MIN(status), MAX(status) FROM orders")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(2991);
      assertThat(r.getString(3)).isEqualTo("P");
      assertThat(r.getString(4)).isEqualTo("S");
    }

    WeftProcess.Result list = WeftProcess.run(dir, Map.of(), "dlq", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.stdout()).contains("orders.csv:17").contains("'ten' is not a number").contains("orders.csv:1234")
        .contains("orders.csv:2718").contains("3 dead letters");

    WeftProcess.Result show = WeftProcess.run(dir, Map.of(), "dlq", "show", "1");
    assertThat(show.stdout()).contains("map[3] (convert lb -> kg)").contains("\"weight_lb\" : \"ten\"");

    WeftProcess.Result replay = WeftProcess.run(dir, Map.of(), "dlq", "replay", "--all", "examples/quickstart.yaml");
    assertThat(replay.exit()).as("the records are still wrong, so replay says so").isEqualTo(1);
    assertThat(replay.stdout()).contains("Replayed 0 of 3 records.");
  }

  @Test
  void usage_and_spec_errors_exit_with_2(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), "weft: 1\nid: x\n");
    WeftProcess.Result broken = WeftProcess.run(dir, Map.of(), "run", "broken.yaml", "--flow", "x");
    assertThat(broken.exit()).isEqualTo(2);
    assertThat(broken.stderr()).contains("broken.yaml:");

    Files.createDirectories(dir.resolve("examples/quickstart"));
    Files.copy(REPO.resolve("examples/quickstart.yaml"), dir.resolve("examples/quickstart.yaml"));
    WeftProcess.Result noFlow = WeftProcess.run(dir, Map.of(), "run", "examples/quickstart.yaml", "--flow", "nope");
    assertThat(noFlow.exit()).isEqualTo(2);
    assertThat(noFlow.stderr()).contains("no flow 'nope'").contains("orders");
  }
}
