package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testkit.Services;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/** An orders table of its own in the test database, and the spec that fills it from CSV files. */
final class PostgresOrders {
  final String table = "orders_it_" + Long.toHexString(System.nanoTime());
  final String stateSchema = "weft_it_" + Long.toHexString(System.nanoTime());

  PostgresOrders() throws SQLException {
    sql("CREATE TABLE " + table + " (order_id VARCHAR(40) PRIMARY KEY, customer_name VARCHAR(200), email VARCHAR(200),"
        + " weight_kg NUMERIC(12,3), total NUMERIC(12,2))");
  }

  String stateUrl() {
    return Services.POSTGRESQL.url() + "&currentSchema=" + stateSchema;
  }

  /** Writes the spec into {@code dir}, reading CSV files from {@code drop} and writing through {@code jdbcUrl}. */
  Path spec(Path dir, Path drop, String jdbcUrl, int attempts) throws IOException {
    String template = new String(PostgresOrders.class.getResourceAsStream("/e2e/orders-to-postgres.yaml").readAllBytes());
    String text = template.replace("@JDBC_URL@", jdbcUrl).replace("@FOLDER@", drop.toUri().toString())
        .replace("@TABLE@", table).replace("@ATTEMPTS@", Integer.toString(attempts));
    return Files.writeString(dir.resolve("orders-to-postgres.yaml"), text);
  }

  long count() throws SQLException {
    return longOf("SELECT COUNT(*) FROM " + table);
  }

  /** Every record read and committed by any run, from the run history in the PostgreSQL state. */
  long readByAllRuns() throws SQLException {
    try {
      return longOf("SELECT COALESCE(SUM(read_count), 0) FROM " + stateSchema + ".runs");
    } catch (SQLException e) {
      return 0; // not migrated yet
    }
  }

  long runs() throws SQLException {
    return longOf("SELECT COUNT(*) FROM " + stateSchema + ".runs");
  }

  /** Checks every row once and a sample of rows by value. */
  void assertHoldsEveryRowOnce(int rows, long seed) throws SQLException {
    assertThat(count()).isEqualTo(rows);
    assertThat(longOf("SELECT COUNT(DISTINCT order_id) FROM " + table)).isEqualTo(rows);
    Random random = new Random(seed);
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("SELECT customer_name, email, weight_kg, total FROM " + table + " WHERE order_id = ?")) {
      for (int n = 0; n < 50; n++) {
        int i = 1 + random.nextInt(rows);
        s.setString(1, "A-" + i);
        try (ResultSet r = s.executeQuery()) {
          assertThat(r.next()).as("row A-%d", i).isTrue();
          assertThat(r.getString(1)).isEqualTo("First" + i + " Last" + i % 97);
          assertThat(r.getString(2)).isEqualTo("user" + i + "@example.com");
          assertThat(r.getBigDecimal(3)).isEqualByComparingTo(OrdersCsv.weightKg(i));
          assertThat(r.getBigDecimal(4)).isEqualByComparingTo(BigDecimal.valueOf(100 + i).movePointLeft(2));
        }
      }
    }
  }

  void drop() throws SQLException {
    sql("DROP TABLE IF EXISTS " + table);
    sql("DROP SCHEMA IF EXISTS " + stateSchema + " CASCADE");
  }

  private long longOf(String query) throws SQLException {
    try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = connect()) {
      c.createStatement().execute(statement);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(Services.POSTGRESQL.url());
  }
}
