package dev.weft.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What differs between databases: quoting, upsert SQL, driver settings, binding quirks. */
sealed interface Dialect permits PostgresDialect, MariaDbDialect, H2Dialect, SqliteDialect {

  /** The dialect for a {@code jdbc:} URL's sub-protocol, if Weft speaks it. */
  static Optional<Dialect> forSubprotocol(String subprotocol) {
    return switch (subprotocol) {
      case "postgresql" -> Optional.of(new PostgresDialect());
      case "mariadb", "mysql" -> Optional.of(new MariaDbDialect());
      case "h2" -> Optional.of(new H2Dialect());
      case "sqlite" -> Optional.of(new SqliteDialect());
      default -> Optional.empty();
    };
  }

  String name();

  /** Quotes an identifier already checked by {@link TableName#isIdentifier}. */
  default String quote(String identifier) {
    return '"' + identifier + '"';
  }

  default String table(TableName name) {
    return name.schema().map(s -> quote(s) + ".").orElse("") + quote(name.table());
  }

  /** The URL the driver is given (e.g. {@code jdbc:mysql:} spoken by the MariaDB driver). */
  default String driverUrl(String url) {
    return url;
  }

  /** Driver properties and pool size for this database. */
  default void configure(HikariConfig config) {}

  /** Where {@link java.sql.DatabaseMetaData} looks for a table: catalog and schema patterns. */
  default Scope scope(Connection connection, TableName name) throws SQLException {
    return new Scope(connection.getCatalog(), name.schema().orElse(connection.getSchema()));
  }

  record Scope(String catalog, String schema) {}

  default String insertSql(String table, List<String> columns) {
    return "INSERT INTO " + table + " (" + joinQuoted(columns) + ") VALUES (" + marks(columns.size()) + ")";
  }

  String upsertSql(String table, List<String> columns, List<String> key);

  default String updateSql(String table, List<String> columns, List<String> key) {
    return "UPDATE " + table + " SET "
        + columns.stream().filter(c -> !key.contains(c)).map(c -> quote(c) + " = ?").collect(Collectors.joining(", "))
        + " WHERE " + key.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
  }

  /** Binds a value already coerced to the column's type by {@link ValueCoercer}. */
  default void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
    if (value == null) statement.setNull(index, column.jdbcType());
    else statement.setObject(index, value);
  }

  /** Prepares a connection and statement to stream a large result instead of loading it whole. */
  default void stream(Connection connection, PreparedStatement statement, int fetchSize) throws SQLException {
    statement.setFetchSize(fetchSize);
  }

  /** True when a vendor error code (not the SQL state) says "try again" (busy, locked). */
  default boolean isTransientVendorError(SQLException e) {
    return false;
  }

  /** True when a vendor error code says the data of one record is refused. */
  default boolean isDataVendorError(SQLException e) {
    return false;
  }

  default String joinQuoted(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
