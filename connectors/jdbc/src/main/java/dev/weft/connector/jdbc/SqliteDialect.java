package dev.weft.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.stream.Collectors;

/** SQLite files. SQLite has no date or time types: temporal values are stored as ISO-8601 text. */
final class SqliteDialect implements Dialect {

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_MISMATCH = 20;

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public void configure(HikariConfig config) {
    config.addDataSourceProperty("busy_timeout", "10000");
    config.setMaximumPoolSize(2);
  }

  @Override
  public Scope scope(Connection connection, TableName name) {
    return new Scope(null, name.schema().orElse(null));
  }

  @Override
  public String upsertSql(String table, List<String> columns, List<String> key) {
    List<String> rest = columns.stream().filter(c -> !key.contains(c)).toList();
    String action =
        rest.isEmpty()
            ? "DO NOTHING"
            : "DO UPDATE SET " + rest.stream().map(c -> quote(c) + " = excluded." + quote(c)).collect(Collectors.joining(", "));
    return insertSql(table, columns) + " ON CONFLICT (" + joinQuoted(key) + ") " + action;
  }

  @Override
  public void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
    if (value instanceof TemporalAccessor temporal) statement.setString(index, Temporals.format(temporal));
    else if (value instanceof java.math.BigDecimal decimal && decimal.scale() <= 0 && decimal.precision() < 19)
      statement.setLong(index, decimal.longValueExact());
    else Dialect.super.bind(statement, index, column, value);
  }

  @Override
  public boolean isTransientVendorError(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
  }

  @Override
  public boolean isDataVendorError(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH;
  }
}
