package dev.weft.connector.jdbc;

import dev.weft.model.Auth;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** SQLite in a file; time values are ISO text there, so they compare as written. */
class SqliteTest extends DatabaseContract {

  @TempDir static Path folder;

  @Override
  protected String url() {
    return "jdbc:sqlite:" + folder.resolve("weft.db").toAbsolutePath();
  }

  @Override
  protected Auth auth() {
    return new Auth.None(Auth.Scope.SYSTEM);
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return connect(url(), null, null);
  }

  @Override
  protected String timestampType() {
    return "TEXT";
  }

  @Override
  protected String timestampLiteral(String iso) {
    return "'" + iso + "'";
  }

  @Override
  protected boolean storesOffsetsAsWritten() {
    return true;
  }
}
