package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table's columns and primary key, read once from {@link DatabaseMetaData}. The name is matched
 * as written, then in the database's folded case (PostgreSQL folds unquoted names to lower case,
 * H2 to upper case), and {@link #name} holds the name as stored, ready to be quoted.
 */
record TableShape(TableName name, Map<String, Column> columns, List<String> primaryKey) {

  TableShape {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    primaryKey = List.copyOf(primaryKey);
  }

  static TableShape read(Connection connection, Dialect dialect, TableName wanted, String displayUrl)
      throws SQLException, ConfigException {
    DatabaseMetaData meta = connection.getMetaData();
    for (TableName candidate : spellings(wanted)) {
      Dialect.Scope scope = dialect.scope(connection, candidate);
      Map<String, Column> columns = new LinkedHashMap<>();
      try (ResultSet rs = meta.getColumns(scope.catalog(), scope.schema(), candidate.table(), null)) {
        while (rs.next()) {
          if (!rs.getString("TABLE_NAME").equals(candidate.table())) continue; // '_' is a LIKE wildcard
          String column = rs.getString("COLUMN_NAME");
          int type = rs.getInt("DATA_TYPE");
          columns.put(
              column,
              new Column(column, type, rs.getString("TYPE_NAME"), lengthLimit(type, rs.getInt("COLUMN_SIZE")),
                  rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
        }
      }
      if (columns.isEmpty()) continue;
      TreeMap<Integer, String> key = new TreeMap<>();
      try (ResultSet rs = meta.getPrimaryKeys(scope.catalog(), scope.schema(), candidate.table())) {
        while (rs.next()) key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
      return new TableShape(candidate, columns, new ArrayList<>(key.values()));
    }
    throw new ConfigException("table " + wanted + " does not exist in " + displayUrl);
  }

  private static List<TableName> spellings(TableName name) {
    List<TableName> names = new ArrayList<>(List.of(name));
    for (boolean upper : new boolean[] {false, true}) {
      TableName folded =
          new TableName(name.schema().map(s -> fold(s, upper)), fold(name.table(), upper));
      if (!names.contains(folded)) names.add(folded);
    }
    return names;
  }

  private static String fold(String s, boolean upper) {
    return upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
  }

  private static int lengthLimit(int type, int size) {
    boolean character = type == Types.CHAR || type == Types.VARCHAR || type == Types.NCHAR || type == Types.NVARCHAR;
    return character && size > 0 && size < 10_000_000 ? size : 0;
  }

  /** The column a record field names: exactly, or else ignoring case when that is not ambiguous. */
  Optional<Column> column(String field) {
    Column exact = columns.get(field);
    if (exact != null) return Optional.of(exact);
    List<Column> similar = columns.values().stream().filter(c -> c.name().equalsIgnoreCase(field)).toList();
    return similar.size() == 1 ? Optional.of(similar.get(0)) : Optional.empty();
  }
}
