package dev.weft.connector.jdbc;

import dev.weft.model.Auth;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.SQLException;

/** Tables as sync sides on MariaDB; modified_at is kept by ON UPDATE CURRENT_TIMESTAMP(6). */
class MariaDbRecordSetIT extends RecordSetContract {

  @Override
  protected void requireDatabase() {
    Services.MARIADB.require();
  }

  @Override
  protected String url() {
    return MariaDbIT.URL;
  }

  @Override
  protected Auth auth() {
    return new Auth.Password(Auth.Scope.SYSTEM, "root", "");
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return DatabaseContract.connect(MariaDbIT.URL, "root", "");
  }

  @Override
  protected void createPeople(String table) throws SQLException {
    execute("CREATE TABLE " + table + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(80) UNIQUE,"
        + " full_name VARCHAR(80) NOT NULL, score DECIMAL(10,2),"
        + " modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6))");
  }

  @Override
  protected String timestampLiteral(String iso) {
    return "'" + iso.replace('T', ' ').replace("Z", "") + "'";
  }
}
