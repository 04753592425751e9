package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SystemException;
import dev.weft.connector.TransientException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SQLException} means for Weft, decided from its SQL state (and vendor codes where
 * a database has no useful state): try again, refuse the record, fix the spec, or stop.
 */
enum SqlFailure {
  /** Connection lost, timeout, deadlock, serialization failure: the engine retries the batch. */
  TRANSIENT,
  /** The data of a record is refused (constraint, value too long, bad format). */
  DATA,
  /** Credentials, missing table or column, privileges. */
  CONFIG,
  OTHER;

  static SqlFailure of(SQLException e, Dialect dialect) {
    // innermost first: a pool or batch wrapper says less than the driver's own error
    for (SQLException cause : chain(e).reversed()) {
      SqlFailure kind = ofOne(cause, dialect);
      if (kind != OTHER) return kind;
    }
    return OTHER;
  }

  private static SqlFailure ofOne(SQLException e, Dialect dialect) {
    if (dialect.isTransientVendorError(e)) return TRANSIENT;
    if (dialect.isDataVendorError(e)) return DATA;
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("40001")
        || state.equals("40P01") || state.startsWith("HYT")) return TRANSIENT;
    if (state.startsWith("22") || state.startsWith("23")) return DATA;
    if (state.startsWith("28") || state.startsWith("42") || state.equals("3D000") || state.equals("3F000"))
      return CONFIG;
    if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) return TRANSIENT;
    return OTHER;
  }

  /** The exception, the next exceptions of a batch, and SQL causes (Hikari wraps driver errors). */
  static List<SQLException> chain(SQLException e) {
    List<SQLException> all = new ArrayList<>();
    for (Throwable t = e; t != null && all.size() < 10; t = t.getCause()) {
      if (!(t instanceof SQLException sql)) continue;
      if (all.contains(sql)) break;
      all.add(sql);
      for (SQLException next = sql.getNextException(); next != null && all.size() < 10; next = next.getNextException())
        if (!all.contains(next)) all.add(next);
    }
    return all;
  }

  /** The database's own words: the innermost server message, on one line. */
  static String describe(SQLException e) {
    List<SQLException> all = chain(e);
    SQLException best = all.get(all.size() - 1);
    for (SQLException s : all) if (!(s instanceof BatchUpdateException) && s.getMessage() != null) best = s;
    String message = best.getMessage() == null ? best.toString() : best.getMessage();
    message = message.replaceFirst("^ERROR: ", "").replaceFirst("^\\([^)]*\\) ", "");
    return message.replaceAll("\\s*\\R\\s*", "; ").trim();
  }

  /** The exception the engine should see when a whole batch or read failed. */
  static ConnectorException raise(SQLException e, Dialect dialect, String doing) {
    String words = describe(e);
    return switch (of(e, dialect)) {
      case TRANSIENT -> new TransientException(doing + " failed, will retry: " + words, e);
      case CONFIG -> new ConfigException(doing + " failed: " + words, e);
      case DATA, OTHER -> new SystemException(doing + " failed: " + words, e);
    };
  }
}
