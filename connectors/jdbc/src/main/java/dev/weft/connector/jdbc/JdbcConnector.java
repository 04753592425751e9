package dev.weft.connector.jdbc;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.Connector;
import dev.weft.connector.RecordSet;
import dev.weft.connector.TargetPreview;
import dev.weft.connector.RecordSetContext;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.model.SystemDef;
import java.util.HashMap;
import java.util.Map;

/**
 * Databases reached by a {@code jdbc:} URL: PostgreSQL, MariaDB/MySQL, H2 and SQLite. The sources
 * and sinks of one run on one system share a small connection pool, closed with the last of them.
 *
 * <p>System options: {@code ignore_unknown_columns} (write records whose fields are not all
 * columns, dropping the others; default false: such a record is rejected) and {@code fetch_size}
 * (rows fetched per round trip when reading; default 1000).
 */
public final class JdbcConnector implements Connector {

  private final Map<String, Database> pools = new HashMap<>();

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public boolean accepts(SystemDef system) {
    return system.jdbcSubprotocol().flatMap(Dialect::forSubprotocol).isPresent();
  }

  @Override
  public Source openSource(SourceContext context) throws ConnectorException {
    String key = poolKey(context.run().runId(), context.system());
    Database database = retain(key, context.system());
    try {
      return JdbcSource.open(database, () -> release(key, database), context);
    } catch (ConnectorException | RuntimeException e) {
      release(key, database);
      throw e;
    }
  }

  @Override
  public Sink openSink(SinkContext context) throws ConnectorException {
    String key = poolKey(context.run().runId(), context.system());
    Database database = retain(key, context.system());
    try {
      return JdbcSink.open(database, () -> release(key, database), context);
    } catch (ConnectorException | RuntimeException e) {
      release(key, database);
      throw e;
    }
  }

  @Override
  public RecordSet openRecordSet(RecordSetContext context) throws ConnectorException {
    String key = poolKey(context.run().runId(), context.system());
    Database database = retain(key, context.system());
    try {
      return JdbcRecordSet.open(database, () -> release(key, database), context);
    } catch (ConnectorException | RuntimeException e) {
      release(key, database);
      throw e;
    }
  }

  @Override
  public TargetPreview openPreview(SinkContext context) throws ConnectorException {
    String key = poolKey(context.run().runId(), context.system());
    Database database = retain(key, context.system());
    try {
      return JdbcTargetPreview.open(database, () -> release(key, database), context);
    } catch (ConnectorException | RuntimeException e) {
      release(key, database);
      throw e;
    }
  }

  private static String poolKey(String runId, SystemDef system) {
    return runId + "/" + system.id();
  }

  private synchronized Database retain(String key, SystemDef system) throws ConnectorException {
    Database database = pools.get(key);
    if (database == null) {
      database = Database.open(system, "weft-" + system.id());
      pools.put(key, database);
    }
    database.retain();
    return database;
  }

  private synchronized void release(String key, Database database) {
    if (database.release()) pools.remove(key, database);
  }
}
