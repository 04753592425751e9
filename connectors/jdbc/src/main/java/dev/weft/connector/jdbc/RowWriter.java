package dev.weft.connector.jdbc;

import dev.weft.connector.WriteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes prepared rows inside the caller's transaction. A row the target lacks (update of a
 * missing key) comes back as a rejection; a refused value makes the whole call throw, and the
 * caller narrows it down to the culprit.
 */
interface RowWriter {

  /** Called once for each connection before its first write (e.g. to create a staging table). */
  default void connected(Connection connection) throws SQLException {}

  List<WriteResult.Rejected> write(Connection connection, List<PreparedRow> rows) throws SQLException;

  /** The transaction ended (committed or rolled back as a whole). */
  default void transactionEnded() {}

  /** Splits rows into runs of consecutive rows that set the same columns, in order. */
  static List<List<PreparedRow>> runsOfSameColumns(List<PreparedRow> rows) {
    List<List<PreparedRow>> runs = new java.util.ArrayList<>();
    List<PreparedRow> current = new java.util.ArrayList<>();
    for (PreparedRow row : rows) {
      if (!current.isEmpty() && !current.get(0).columns().equals(row.columns())) {
        runs.add(current);
        current = new java.util.ArrayList<>();
      }
      current.add(row);
    }
    if (!current.isEmpty()) runs.add(current);
    return runs;
  }
}
