package dev.weft.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL through pgjdbc; batches of inserts and upserts go through COPY ({@link PostgresCopyWriter}). */
final class PostgresDialect implements Dialect {

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public void configure(HikariConfig config) {
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "weft");
  }

  @Override
  public String upsertSql(String table, List<String> columns, List<String> key) {
    return insertSql(table, columns) + onConflict(columns, key);
  }

  String onConflict(List<String> columns, List<String> key) {
    List<String> rest = columns.stream().filter(c -> !key.contains(c)).toList();
    String action =
        rest.isEmpty()
            ? "DO NOTHING"
            : "DO UPDATE SET " + rest.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c)).collect(Collectors.joining(", "));
    return " ON CONFLICT (" + joinQuoted(key) + ") " + action;
  }

  @Override
  public void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
    if (value == null) statement.setNull(index, column.jdbcType() == Types.OTHER ? Types.OTHER : column.jdbcType());
    else if (value instanceof String text && (column.isJson() || column.jdbcType() == Types.OTHER))
      statement.setObject(index, text, Types.OTHER);
    else statement.setObject(index, value);
  }

  @Override
  public void stream(Connection connection, PreparedStatement statement, int fetchSize) throws SQLException {
    // pgjdbc keeps a server-side cursor only inside a transaction
    connection.setAutoCommit(false);
    statement.setFetchSize(fetchSize);
  }
}
