package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.model.Auth;
import dev.weft.model.Target;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MariaDbIT extends DatabaseContract {

  static final String URL = "jdbc:mariadb://127.0.0.1:3306/test";

  @Override
  protected void requireDatabase() {
    Services.MARIADB.require();
  }

  @Override
  protected String url() {
    return URL;
  }

  @Override
  protected Auth auth() {
    return new Auth.Password(Auth.Scope.SYSTEM, "root", "");
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return connect(URL, "root", "");
  }

  @Override
  protected String timestampType() {
    return "DATETIME(6)";
  }

  @Override
  protected String timestampLiteral(String iso) {
    return "'" + iso.replace('T', ' ').replace("Z", "") + "'";
  }

  @Override
  protected Optional<String> sessionIdSql() {
    return Optional.of("SELECT CONNECTION_ID()");
  }

  @Override
  protected String killSql(String sessionId) {
    return "KILL " + Long.parseLong(sessionId);
  }

  @Test
  void wrongCredentialsAreAConfigErrorWithoutThePassword() {
    var system = Fixtures.system(URL, new Auth.Password(Auth.Scope.SYSTEM, "root", "s3cret-wrong"), java.util.Map.of());
    assertThatThrownBy(() -> new JdbcConnector().openSink(Fixtures.sink(system, orders, Target.Write.INSERT, java.util.List.of())))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage() + ((ConfigException) e).userMessage())
            .contains("127.0.0.1:3306/test").doesNotContain("s3cret-wrong"));
  }
}
