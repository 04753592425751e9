package dev.weft.connector.jdbc;

import java.util.List;

/** H2, embedded (file or memory) or server. */
final class H2Dialect implements Dialect {

  @Override
  public String name() {
    return "H2";
  }

  @Override
  public String upsertSql(String table, List<String> columns, List<String> key) {
    return "MERGE INTO " + table + " (" + joinQuoted(columns) + ") KEY (" + joinQuoted(key) + ") VALUES ("
        + Dialect.marks(columns.size()) + ")";
  }
}
