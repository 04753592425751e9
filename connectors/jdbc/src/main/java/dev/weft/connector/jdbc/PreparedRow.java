package dev.weft.connector.jdbc;

import java.util.List;

/**
 * A record ready to write: its index in the engine's batch, the columns it sets (in the table's
 * spelling) and their values coerced to the column types.
 */
record PreparedRow(int index, List<Column> columns, List<Object> values) {
  // not copied: made once per record of a batch by RecordPreparer, which hands them over

  List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  Object value(String column) {
    for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return values.get(i);
    return null;
  }
}
