package dev.weft.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB and MySQL through the MariaDB driver (Connector/J 3 batches inserts with the bulk
 * protocol by default; it reports found rows, not changed rows, for updates).
 */
final class MariaDbDialect implements Dialect {

  @Override
  public String name() {
    return "MariaDB";
  }

  @Override
  public String quote(String identifier) {
    return '`' + identifier + '`';
  }

  @Override
  public String driverUrl(String url) {
    return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
  }

  @Override
  public void configure(HikariConfig config) {
    config.addDataSourceProperty("useBulkStmtsForInserts", "true");
  }

  @Override
  public Scope scope(Connection connection, TableName name) throws SQLException {
    // MySQL calls a database a catalog; "schema.table" names the database
    return new Scope(name.schema().orElse(connection.getCatalog()), null);
  }

  @Override
  public String upsertSql(String table, List<String> columns, List<String> key) {
    List<String> rest = columns.stream().filter(c -> !key.contains(c)).toList();
    List<String> updated = rest.isEmpty() ? List.of(key.get(0)) : rest;
    return insertSql(table, columns)
        + " ON DUPLICATE KEY UPDATE "
        + updated.stream().map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
  }

  @Override
  public boolean isTransientVendorError(java.sql.SQLException e) {
    return e.getErrorCode() == 1205 || e.getErrorCode() == 1213; // lock wait timeout, deadlock
  }

  @Override
  public boolean isDataVendorError(java.sql.SQLException e) {
    return switch (e.getErrorCode()) {
      case 1048, 1062, 1216, 1217, 1264, 1265, 1292, 1366, 1406, 1451, 1452, 3819, 4025 -> true;
      default -> false;
    };
  }
}
