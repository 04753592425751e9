package dev.weft.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One statement on a pooled connection, with a message for people when it fails. */
final class Sql {
  interface Body<T> {
    T run(PreparedStatement s) throws SQLException;
  }

  private Sql() {}

  static <T> T with(DataSource dataSource, String what, String sql, Body<T> body) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      return body.run(s);
    } catch (SQLException e) {
      throw new ServerStoreException("cannot " + what, e);
    }
  }
}
