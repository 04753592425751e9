package dev.weft.connector.jdbc;

import dev.weft.model.Auth;
import java.sql.Connection;
import java.sql.SQLException;

/** H2 in memory; {@link H2FileTest} runs the same against a file. */
class H2Test extends DatabaseContract {

  private static final String URL = "jdbc:h2:mem:weft_jdbc_test;DB_CLOSE_DELAY=-1";

  @Override
  protected String url() {
    return URL;
  }

  @Override
  protected Auth auth() {
    return new Auth.None(Auth.Scope.SYSTEM);
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return connect(url(), "", "");
  }

  @Override
  protected boolean storesOffsetsAsWritten() {
    return true;
  }
}
