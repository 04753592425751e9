package dev.weft.connector.jdbc;

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
}
