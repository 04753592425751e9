package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SELECT a database source runs from a checkpoint, and its binds. Three ways to read:
 * <ul>
 *   <li>full: the table (ordered by its primary key) or the query as written;
 *   <li>by cursor and key: rows after {@code (cursor, key)} in that order, so a read can stop
 *       anywhere, even amid rows with an equal cursor value;
 *   <li>by cursor alone (a query, or a table without a primary key): rows with a cursor greater
 *       than the last one; the source only ends a batch where the cursor value changes.
 * </ul>
 */
final class SourceQuery {

  enum Kind { FULL, CURSOR_AND_KEY, CURSOR }

  private final Dialect dialect;
  private final Optional<String> query;
  private final String from; // a quoted table, or "(query) weft_q"
  private final String prefix; // "" or "weft_q."
  private final int cursorBinds; // :cursor occurrences in a query
  private final Kind kind;
  private final Optional<Column> cursor;
  private final List<Column> key;
  private final List<Column> order;

  /**
   * @param source a quoted table name, or a query whose {@code :cursor} binds were replaced
   * @param fullOrder the order of a full read (the primary key of a table)
   */
  SourceQuery(Dialect dialect, String source, boolean isQuery, int cursorBinds, Optional<Column> cursor,
      List<Column> key, List<Column> fullOrder) {
    this.dialect = dialect;
    this.query = isQuery ? Optional.of(source) : Optional.empty();
    this.from = isQuery ? "(" + source + ") weft_q" : source;
    this.prefix = isQuery ? "weft_q." : "";
    this.cursorBinds = cursorBinds;
    this.cursor = cursor;
    this.key = List.copyOf(key);
    this.kind = cursor.isEmpty() ? Kind.FULL : key.isEmpty() ? Kind.CURSOR : Kind.CURSOR_AND_KEY;
    List<Column> o = new ArrayList<>();
    cursor.ifPresent(o::add);
    o.addAll(cursor.isEmpty() ? fullOrder : key);
    this.order = List.copyOf(o);
  }

  Kind kind() {
    return kind;
  }

  Optional<Column> cursor() {
    return cursor;
  }

  List<Column> key() {
    return key;
  }

  /** Prepares the statement that reads after {@code token}, binds included. */
  PreparedStatement prepare(Connection connection, CursorToken token) throws SQLException, ConfigException {
    List<Object[]> binds = new ArrayList<>(); // {column, value}
    String where = "";
    if (cursor.isPresent()) {
      Column c = cursor.get();
      Object last = token.cursor().isPresent() ? coerce(c, token.cursor().get()) : null;
      for (int i = 0; i < cursorBinds; i++) binds.add(new Object[] {c, last == null ? lowest(c) : last});
      if (token.cursor().isEmpty() || cursorBinds > 0) where = " WHERE " + name(c) + " IS NOT NULL";
      else if (kind == Kind.CURSOR) {
        where = " WHERE " + name(c) + " > ?";
        binds.add(new Object[] {c, last});
      } else {
        if (token.key().size() != key.size())
          throw new ConfigException("the stored checkpoint does not match the key of the source table");
        List<Column> row = new ArrayList<>(List.of(c));
        row.addAll(key);
        where = " WHERE (" + row.stream().map(this::name).collect(Collectors.joining(", ")) + ") > ("
            + Dialect.marks(row.size()) + ")";
        binds.add(new Object[] {c, last});
        for (int i = 0; i < key.size(); i++) binds.add(new Object[] {key.get(i), coerce(key.get(i), token.key().get(i))});
      }
    }
    String orderBy = order.isEmpty() ? "" : " ORDER BY " + order.stream().map(this::name).collect(Collectors.joining(", "));
    String sql = query.isPresent() && cursor.isEmpty() ? query.get() : "SELECT * FROM " + from + where + orderBy;
    PreparedStatement statement =
        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      for (int i = 0; i < binds.size(); i++) dialect.bind(statement, i + 1, (Column) binds.get(i)[0], binds.get(i)[1]);
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
    return statement;
  }

  private String name(Column column) {
    return prefix + dialect.quote(column.name());
  }

  private static Object coerce(Column column, Object value) throws ConfigException {
    try {
      return ValueCoercer.coerce(column, value);
    } catch (RecordRejected e) {
      throw new ConfigException("the stored checkpoint does not fit the source: " + e.getMessage());
    }
  }

  /** Bound to {@code :cursor} on the first read: lower than any value the column holds. */
  static Object lowest(Column column) {
    return switch (column.jdbcType()) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Long.MIN_VALUE;
      case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> new BigDecimal("-1E+30");
      case Types.DATE -> LocalDate.of(1000, 1, 1);
      case Types.TIME -> LocalTime.MIN;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          column.hasTimeZone()
              ? OffsetDateTime.of(1000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
              : LocalDateTime.of(1000, 1, 1, 0, 0);
      default -> "";
    };
  }
}
