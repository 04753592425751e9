package dev.weft.server;

import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios on a PostgreSQL store (a schema of its own) with PostgreSQL target tables. */
class ServerPostgresIT extends ServerScenarios {
  @BeforeAll
  static void needsPostgres() {
    Services.POSTGRESQL.require();
  }

  @Override
  void afterStart() {
    f.server.secrets().set("db_password", "not-needed-with-trust-auth");
  }

  @Override
  String storeUrl() {
    return Services.POSTGRESQL.url() + "&currentSchema=weft_srv_" + suffix;
  }

  @Override
  String targetUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/test";
  }

  @Override
  String targetAuth() {
    return "{ method: password, scope: system, username: postgres, password: '${secret.db_password}' }";
  }

  @Override
  Connection target() throws Exception {
    return DriverManager.getConnection(Services.POSTGRESQL.url());
  }
}
