package dev.weft.connector.jdbc;

import dev.weft.model.Auth;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

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
}
