package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.testkit.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV-to-PostgreSQL example (the project's, and the shared one where {@code weft.shared} is
 * there) through the CLI jar. The example's drop folder and table are swapped for the test's own,
 * so that tests running at the same time do not meet.
 */
class ExamplesIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  static Stream<Path> examples() {
    Stream<Path> ours = Stream.of(REPO.resolve("examples/orders-csv-to-postgres.yaml"));
    Path shared = Path.of(System.getProperty("weft.shared", "../../shared"), "examples/orders-csv-to-postgres.yaml");
    return Stream.concat(ours, Stream.of(shared));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void orders_csv_to_postgres_loads_every_row(Path example, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(example), "no " + example);
    Services.POSTGRESQL.require();
    String table = "orders_ex_" + Long.toHexString(System.nanoTime());
    Path drop = Files.createDirectories(dir.resolve("drop"));
    OrdersCsv.write(drop.resolve("orders-2026-11-27.csv"), 5000);
    String text = Files.readString(example)
        .replace("file:///tmp/weft-drop", drop.toUri().toString())
        .replaceAll("(?m)^(\\s+table:\\s*)orders\\s*$", "$1" + table);
    assertThat(text).contains(table);
    Path spec = Files.writeString(dir.resolve("example.yaml"), text);
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url())) {
      c.createStatement().execute("CREATE TABLE " + table + " (order_id VARCHAR(40) PRIMARY KEY, customer_name VARCHAR(200),"
          + " email VARCHAR(200), weight_kg NUMERIC(12,3), total NUMERIC(12,2), currency CHAR(3), created_at TIMESTAMPTZ)");
      try {
        WeftProcess.Result run = WeftProcess.run(dir, Map.of("PGPASSWORD", "unused"), "run", spec.toString(), "--flow", "orders",
            "--json", "--state", "jdbc:h2:file:" + dir.resolve("state"));
        assertThat(run.exit()).as(run.stderr() + run.stdout()).isZero();
        assertThat(new ObjectMapper().readValue(run.stdout(), Map.class)).containsEntry("written", 5000).containsEntry("dead_lettered", 0);
        try (ResultSet r = c.createStatement().executeQuery(
            "SELECT COUNT(*), MIN(currency), MAX(weight_kg) FROM " + table)) {
          r.next();
          assertThat(r.getInt(1)).isEqualTo(5000);
          assertThat(r.getString(2)).isEqualTo("EUR");
          assertThat(r.getBigDecimal(3)).isEqualByComparingTo("22.634");
        }
      } finally {
        c.createStatement().execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }
}
