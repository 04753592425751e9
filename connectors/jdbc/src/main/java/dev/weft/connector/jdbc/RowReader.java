package dev.weft.connector.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns result rows into JSON-like records, column by column: integers as Long, decimals as
 * BigDecimal, timestamps as ISO-8601 text with an offset, dates as {@code yyyy-MM-dd}, bytes as
 * base64, json and jsonb as parsed trees, everything else as text.
 */
final class RowReader {

  private final List<Column> columns;

  private RowReader(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  static RowReader of(ResultSetMetaData meta) throws SQLException {
    return new RowReader(columnsOf(meta));
  }

  static List<Column> columnsOf(ResultSetMetaData meta) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++)
      columns.add(new Column(meta.getColumnLabel(i), meta.getColumnType(i), meta.getColumnTypeName(i), 0, true));
    return columns;
  }

  List<Column> columns() {
    return columns;
  }

  Map<String, Object> read(ResultSet rs) throws SQLException {
    Map<String, Object> record = new LinkedHashMap<>(columns.size() * 2);
    for (int i = 0; i < columns.size(); i++) record.put(columns.get(i).name(), value(rs, i + 1, columns.get(i)));
    return record;
  }

  private static Object value(ResultSet rs, int i, Column column) throws SQLException {
    if (column.isBoolean()) return bool(rs, i);
    Object value =
        switch (column.jdbcType()) {
          case Types.BIT, Types.BOOLEAN -> bool(rs, i);
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
            long l = rs.getLong(i);
            yield rs.wasNull() ? null : l;
          }
          case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
            double d = rs.getDouble(i);
            yield rs.wasNull() ? null : Double.isFinite(d) ? BigDecimal.valueOf(d) : (Object) d;
          }
          case Types.DATE -> temporal(rs, i, LocalDate.class);
          case Types.TIME -> temporal(rs, i, LocalTime.class);
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
              column.hasTimeZone() ? temporal(rs, i, OffsetDateTime.class) : temporal(rs, i, LocalDateTime.class);
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
            byte[] bytes = rs.getBytes(i);
            yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
          }
          default -> other(rs, i, column);
        };
    return value;
  }

  private static Object bool(ResultSet rs, int i) throws SQLException {
    Object raw = rs.getObject(i);
    return switch (raw) {
      case null -> null;
      case Boolean b -> b;
      case Number n -> n.intValue() != 0;
      case byte[] bits -> bits.length > 0 && bits[bits.length - 1] != 0;
      default -> rs.getBoolean(i);
    };
  }

  /** Drivers without java.time support for a type (SQLite stores text) fall back to the text. */
  private static Object temporal(ResultSet rs, int i, Class<? extends java.time.temporal.TemporalAccessor> type)
      throws SQLException {
    try {
      var value = rs.getObject(i, type);
      return value == null ? null : Temporals.format(value);
    } catch (SQLException | RuntimeException e) {
      return rs.getString(i);
    }
  }

  private static Object other(ResultSet rs, int i, Column column) throws SQLException {
    String text = rs.getString(i);
    if (text == null) return null;
    if (column.isJson()) return JsonText.read(text).orElse(text);
    return text;
  }
}
