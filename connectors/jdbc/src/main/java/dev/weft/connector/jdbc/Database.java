package dev.weft.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SystemException;
import dev.weft.connector.TransientException;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * One system's small connection pool for one run, with its dialect and options. Shared by the
 * sources and sinks of the run that use the system; closed when the last of them closes.
 */
final class Database implements AutoCloseable {

  private final SystemDef system;
  private final Dialect dialect;
  private final HikariDataSource pool;
  private final String displayUrl;
  private int users;

  private Database(SystemDef system, Dialect dialect, HikariDataSource pool) {
    this.system = system;
    this.dialect = dialect;
    this.pool = pool;
    this.displayUrl = displayUrl(system.url());
  }

  static Database open(SystemDef system, String poolName) throws ConnectorException {
    Dialect dialect =
        system.jdbcSubprotocol()
            .flatMap(Dialect::forSubprotocol)
            .orElseThrow(() -> new ConfigException(
                "system " + system.id() + ": " + displayUrl(system.url()) + " is not a database Weft speaks"
                    + " (postgresql, mariadb, mysql, h2, sqlite)"));
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(dialect.driverUrl(system.url()));
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(0);
    config.setAutoCommit(false);
    config.setConnectionTimeout(15_000);
    switch (system.auth()) {
      case Auth.Password p -> {
        config.setUsername(p.username());
        config.setPassword(p.password());
      }
      case Auth.Basic b -> {
        config.setUsername(b.username());
        config.setPassword(b.password());
      }
      case Auth.None n -> {}
      default -> throw new ConfigException(
          "system " + system.id() + ": a database takes auth method password or none, not " + system.auth().method());
    }
    dialect.configure(config);
    try {
      return new Database(system, dialect, new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException e) {
      throw connectFailure(system, dialect, e);
    } catch (RuntimeException e) {
      throw new ConfigException("cannot open " + displayUrl(system.url()) + ": " + e.getMessage(), e);
    }
  }

  private static ConnectorException connectFailure(SystemDef system, Dialect dialect, Exception e) {
    String where = displayUrl(system.url());
    SQLException sql = e instanceof SQLException s ? s : e.getCause() instanceof SQLException s ? s : null;
    if (sql != null) {
      String words = SqlFailure.describe(sql);
      return switch (SqlFailure.of(sql, dialect)) {
        case TRANSIENT -> new TransientException("cannot connect to " + where + ": " + words, sql);
        case CONFIG -> new ConfigException("cannot log in to " + where + ": " + words, sql);
        default -> new SystemException("cannot connect to " + where + ": " + words, sql);
      };
    }
    return new TransientException("cannot connect to " + where + ": " + e.getMessage(), e);
  }

  Connection connection() throws ConnectorException {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw connectFailure(system, dialect, e);
    }
  }

  /** Closes a broken connection for good, so the pool does not hand it out again. */
  void evict(Connection connection) {
    pool.evictConnection(connection);
  }

  Dialect dialect() {
    return dialect;
  }

  SystemDef system() {
    return system;
  }

  /** The URL without credentials or parameters, for messages. */
  String displayUrl() {
    return displayUrl;
  }

  Map<String, Object> options() {
    return system.options();
  }

  boolean option(String name) {
    Object value = system.options().get(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  int intOption(String name, int otherwise) {
    Object value = system.options().get(name);
    if (value instanceof Number n) return n.intValue();
    try {
      return value == null ? otherwise : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  synchronized void retain() {
    users++;
  }

  /** Returns true when this was the last user and the pool is now closed. */
  synchronized boolean release() {
    if (--users > 0) return false;
    pool.close();
    return true;
  }

  @Override
  public void close() {
    pool.close();
  }

  static String displayUrl(String url) {
    String shown = url.replaceAll("//[^/@?;]*@", "//");
    int cut = shown.length();
    for (char c : new char[] {'?', ';', '&'}) {
      int at = shown.indexOf(c);
      if (at >= 0) cut = Math.min(cut, at);
    }
    return shown.substring(0, cut);
  }
}
