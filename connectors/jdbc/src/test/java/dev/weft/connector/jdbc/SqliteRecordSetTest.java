package dev.weft.connector.jdbc;

import dev.weft.model.Auth;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Tables as sync sides in a SQLite file; modified_at is ISO text kept by a trigger. */
class SqliteRecordSetTest extends RecordSetContract {

  @TempDir static Path folder;

  @Override
  protected String url() {
    return "jdbc:sqlite:" + folder.resolve("sync.db").toAbsolutePath();
  }

  @Override
  protected Auth auth() {
    return new Auth.None(Auth.Scope.SYSTEM);
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return DatabaseContract.connect(url(), null, null);
  }

  @Override
  protected void createPeople(String table) throws SQLException {
    String now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, email TEXT UNIQUE, full_name TEXT NOT NULL, score NUMERIC,"
        + " modified_at TEXT NOT NULL DEFAULT (" + now + "))");
    execute("CREATE TRIGGER " + table + "_touch AFTER UPDATE ON " + table + " BEGIN UPDATE " + table + " SET modified_at = "
        + now + " WHERE id = NEW.id; END");
  }

  @Override
  protected String timestampLiteral(String iso) {
    return "'" + iso + "'";
  }
}
