package dev.weft.connector.jdbc;

import static dev.weft.connector.jdbc.Fixtures.batch;
import static dev.weft.connector.jdbc.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.TransientException;
import dev.weft.model.Auth;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresIT extends DatabaseContract {

  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  @Override
  protected void requireDatabase() {
    Services.POSTGRESQL.require();
  }

  @Override
  protected String url() {
    return URL;
  }

  @Override
  protected Auth auth() {
    return new Auth.Password(Auth.Scope.SYSTEM, "postgres", "not-shown-anywhere");
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return connect(URL, "postgres", "");
  }

  @Override
  protected String timestampType() {
    return "TIMESTAMPTZ";
  }

  @Override
  protected Optional<String> sessionIdSql() {
    return Optional.of("SELECT pg_backend_pid()");
  }

  @Override
  protected String killSql(String sessionId) {
    return "SELECT pg_terminate_backend(" + Integer.parseInt(sessionId) + ")";
  }

  @Test
  void readsThroughAServerSideCursorAndALostConnectionIsTransient() throws Exception {
    execute("INSERT INTO " + orders + " (order_id, customer_name) SELECT 'F-' || lpad(i::text, 5, '0'), 'n' FROM generate_series(1, 2000) i");
    JdbcSource source = (JdbcSource) source(Map.of("fetch_size", 20), Optional.of(orders), Optional.empty(), Optional.empty());

    Batch first = source.read(Checkpoint.START, 10);
    assertThat(first.records()).hasSize(10);
    Connection held = source.openConnection().orElseThrow();
    String session;
    try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      session = rs.getString(1);
    }
    execute(killSql(session));

    // only 20 rows were fetched: the rest must come from the server, which is gone
    assertThatThrownBy(() -> source.read(first.after(), 1000)).isInstanceOf(TransientException.class);
    Batch resumed = source.read(first.after(), 5000);
    assertThat(resumed.records()).hasSize(1990);
    assertThat(resumed.records().get(0).position()).isEqualTo(orders + ":F-00011");
  }

  @Test
  void upsertsLandEveryRecordWhetherTheirKeysAreNewExistingOrRepeated() throws Exception {
    // new keys go in by a plain insert, existing ones make the batch merge (and the next few):
    // batches of each kind, in an order that crosses every switch between the two
    dev.weft.connector.Sink sink = sink(dev.weft.model.Target.Write.UPSERT, "order_id");
    Map<String, Long> expected = new java.util.TreeMap<>();
    java.util.Random random = new java.util.Random(7);
    int next = 0;
    for (int b = 0; b < 2 * PostgresCopyWriter.MERGES_BEFORE_TRYING_INSERT + 6; b++) {
      java.util.List<Map<String, Object>> records = new java.util.ArrayList<>();
      boolean onlyNew = b % 5 != 2;
      for (int i = 0; i < 30; i++) {
        String id = onlyNew || expected.isEmpty() || random.nextBoolean()
            ? "U-" + (next++)
            : new java.util.ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
        long total = random.nextInt(1000);
        records.add(record("order_id", id, "customer_name", "n", "total", total));
        expected.put(id, total);
        if (i % 10 == 9) { // the same key twice in one batch: the last one wins
          records.add(record("order_id", id, "customer_name", "n", "total", total + 1));
          expected.put(id, total + 1);
        }
      }
      assertThat(sink.write(batch(records)).rejected()).as("batch %d", b).isEmpty();
    }

    Map<String, Long> stored = new java.util.TreeMap<>();
    for (Map<String, Object> row : rows("SELECT order_id, total FROM " + orders))
      stored.put((String) row.get("order_id"), new java.math.BigDecimal(row.get("total").toString()).longValueExact());
    assertThat(stored).isEqualTo(expected);
  }
}
