package dev.weft.connector.jdbc;

import dev.weft.connector.WriteResult;
import dev.weft.model.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Insert, upsert or update through JDBC batches of one prepared statement (every database). */
final class StatementWriter implements RowWriter {

  private final Dialect dialect;
  private final String table;
  private final Target.Write mode;
  private final List<String> key;
  private final List<String> keyLabels;

  /** @param keyLabels the key as the spec names it, for messages */
  StatementWriter(Dialect dialect, String quotedTable, Target.Write mode, List<String> key, List<String> keyLabels) {
    this.keyLabels = List.copyOf(keyLabels);
    this.dialect = dialect;
    this.table = quotedTable;
    this.mode = mode;
    this.key = List.copyOf(key);
  }

  @Override
  public List<WriteResult.Rejected> write(Connection connection, List<PreparedRow> rows) throws SQLException {
    List<WriteResult.Rejected> missing = new ArrayList<>();
    for (List<PreparedRow> run : RowWriter.runsOfSameColumns(rows)) {
      if (mode == Target.Write.UPDATE) missing.addAll(update(connection, run));
      else insertOrUpsert(connection, run);
    }
    return missing;
  }

  private void insertOrUpsert(Connection connection, List<PreparedRow> run) throws SQLException {
    List<String> columns = run.get(0).columnNames();
    String sql = mode == Target.Write.UPSERT ? dialect.upsertSql(table, columns, key) : dialect.insertSql(table, columns);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (PreparedRow row : run) {
        for (int i = 0; i < columns.size(); i++) dialect.bind(statement, i + 1, row.columns().get(i), row.values().get(i));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private List<WriteResult.Rejected> update(Connection connection, List<PreparedRow> run) throws SQLException {
    PreparedRow first = run.get(0);
    List<String> columns = first.columnNames();
    List<String> set = columns.stream().filter(c -> !key.contains(c)).toList();
    List<WriteResult.Rejected> missing = new ArrayList<>();
    if (set.isEmpty()) return existence(connection, run);
    try (PreparedStatement statement = connection.prepareStatement(dialect.updateSql(table, columns, key))) {
      for (PreparedRow row : run) {
        int at = 1;
        for (String column : set) at = bind(statement, at, row, column);
        for (String column : key) at = bind(statement, at, row, column);
        statement.addBatch();
      }
      int[] counts = statement.executeBatch();
      for (int i = 0; i < run.size(); i++)
        if (i < counts.length && counts[i] == 0) missing.add(notFound(run.get(i)));
        else if (i >= counts.length || counts[i] == Statement.SUCCESS_NO_INFO) return existence(connection, run);
    }
    return missing;
  }

  /** Which rows of the run have no row with their key (asked per row, when counts are unknown). */
  private List<WriteResult.Rejected> existence(Connection connection, List<PreparedRow> run) throws SQLException {
    List<WriteResult.Rejected> missing = new ArrayList<>();
    String sql = "SELECT 1 FROM " + table + " WHERE " + key.stream().map(c -> dialect.quote(c) + " = ?").collect(Collectors.joining(" AND "));
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (PreparedRow row : run) {
        int at = 1;
        for (String column : key) at = bind(statement, at, row, column);
        try (var rs = statement.executeQuery()) {
          if (!rs.next()) missing.add(notFound(row));
        }
      }
    }
    return missing;
  }

  private int bind(PreparedStatement statement, int at, PreparedRow row, String column) throws SQLException {
    int i = row.columnNames().indexOf(column);
    dialect.bind(statement, at, row.columns().get(i), row.values().get(i));
    return at + 1;
  }

  private WriteResult.Rejected notFound(PreparedRow row) {
    return new WriteResult.Rejected(
        row.index(),
        java.util.stream.IntStream.range(0, key.size())
            .mapToObj(i -> keyLabels.get(i) + " = " + ValueCoercer.shown(row.value(key.get(i))))
            .collect(Collectors.joining(" and ", "no row with ", "")));
  }
}
