package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.model.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches into one table, each batch one transaction. When the database refuses the batch
 * for the data of some record, the batch is rolled back and written again in halves (inside
 * savepoints) until the refused records are found; those are returned as rejected and the rest
 * is committed.
 */
final class JdbcSink implements Sink {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSink.class);

  private final Database database;
  private final Runnable release;
  private final TableShape shape;
  private final Target.Write mode;
  private final List<String> key;
  private final RecordPreparer preparer;
  private final RowWriter writer;
  private Connection connection;

  private JdbcSink(Database database, Runnable release, TableShape shape, Target.Write mode, List<String> key,
      List<String> keyLabels, Connection connection) {
    this.database = database;
    this.release = release;
    this.shape = shape;
    this.mode = mode;
    this.key = key;
    this.preparer = new RecordPreparer(shape, mode, key, database.option("ignore_unknown_columns"));
    Dialect dialect = database.dialect();
    this.writer =
        dialect instanceof PostgresDialect pg && mode != Target.Write.UPDATE
            ? new PostgresCopyWriter(pg, shape, mode, key)
            : new StatementWriter(dialect, dialect.table(shape.name()), mode, key, keyLabels);
    this.connection = connection;
  }

  static JdbcSink open(Database database, Runnable release, SinkContext context) throws ConnectorException {
    Target target = context.target();
    String tableText =
        target.table().orElseThrow(() -> new ConfigException("flow " + context.flow().id() + ": a datastore target needs a table"));
    TableName name = TableName.parse(tableText);
    for (String k : target.key()) TableName.identifier(k, k);
    Connection connection = database.connection();
    try {
      TableShape shape = TableShape.read(connection, database.dialect(), name, database.displayUrl());
      connection.commit();
      List<String> key = new ArrayList<>();
      for (String k : target.key())
        key.add(shape.column(k).orElseThrow(() -> new ConfigException(
            "key " + k + " is not a column of table " + tableText + " in " + database.displayUrl())).name());
      if (key.isEmpty()) key.addAll(shape.primaryKey());
      if (key.isEmpty() && target.write() != Target.Write.INSERT)
        throw new ConfigException(
            "table " + tableText + " has no primary key: name the key of the " + target.write().key() + " in the target");
      List<String> keyLabels = target.key().isEmpty() ? key : target.key();
      JdbcSink sink = new JdbcSink(database, release, shape, target.write(), List.copyOf(key), keyLabels, connection);
      sink.writer.connected(connection);
      LOG.debug("writing {} into {} of {} by {}", target.write().key(), shape.name(), database.displayUrl(), key);
      return sink;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw SqlFailure.raise(e, database.dialect(), "reading table " + tableText + " in " + database.displayUrl());
    } catch (ConnectorException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Batches the engine prepared ahead on its reading thread, by identity, until written. Mostly
   * one entry: the engine writes a batch soon after preparing it.
   */
  private final Map<List<SinkRecord>, Prepared> preparedAhead = Collections.synchronizedMap(new IdentityHashMap<>());

  @Override
  public void prepare(List<SinkRecord> batch) {
    if (!batch.isEmpty()) preparedAhead.put(batch, prepared(batch));
  }

  @Override
  public WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    Prepared prepared = preparedAhead.remove(batch);
    if (prepared == null) prepared = prepared(batch);
    boolean refused = false;
    if (prepared.encoded().isPresent() && writer instanceof PostgresCopyWriter copy) {
      if (copied(copy, prepared.encoded().get())) return prepared.result(List.of());
      refused = true;
    }
    List<PreparedRow> rows = prepared.rows();
    if (mode == Target.Write.UPSERT) rows = lastOfEachKey(rows);
    return prepared.result(rows.isEmpty() ? List.of() : inTransaction(rows, refused));
  }

  /**
   * A batch checked and coerced: the rows to write, the records refused for themselves, and, when
   * writing by COPY and the rows all set the same columns, the rows encoded for it.
   */
  private record Prepared(
      int size, List<PreparedRow> rows, List<WriteResult.Rejected> rejected, Optional<PostgresCopyWriter.Encoded> encoded) {

    WriteResult result(List<WriteResult.Rejected> refusedByDatabase) {
      if (rejected.isEmpty() && refusedByDatabase.isEmpty()) return new WriteResult(size, List.of());
      List<WriteResult.Rejected> all = new ArrayList<>(rejected);
      all.addAll(refusedByDatabase);
      all.sort(Comparator.comparingInt(WriteResult.Rejected::index));
      return new WriteResult(size - all.size(), all);
    }
  }

  /** Needs no connection: runs on the engine's reading thread (by {@link #prepare}) or in {@link #write}. */
  private Prepared prepared(List<SinkRecord> batch) {
    List<PreparedRow> rows = new ArrayList<>(batch.size());
    List<WriteResult.Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        rows.add(preparer.prepare(i, batch.get(i).value()));
      } catch (RecordRejected e) {
        rejected.add(new WriteResult.Rejected(i, e.getMessage()));
      }
    }
    Optional<PostgresCopyWriter.Encoded> encoded =
        writer instanceof PostgresCopyWriter copy ? copy.encode(rows, preparer::keyOf) : Optional.empty();
    return new Prepared(batch.size(), rows, rejected, encoded);
  }

  /** The fast path: the whole batch in one COPY. False when the database refused the batch for its data. */
  private boolean copied(PostgresCopyWriter copy, PostgresCopyWriter.Encoded encoded) throws ConnectorException {
    Connection c = connection();
    try {
      copy.send(c, encoded);
      c.commit();
      writer.transactionEnded();
      return true;
    } catch (SQLException e) {
      rollback(c);
      writer.transactionEnded();
      if (SqlFailure.of(e, database.dialect()) == SqlFailure.DATA) {
        LOG.debug("batch refused ({}), finding the records at fault", SqlFailure.describe(e));
        return false;
      }
      ConnectorException failure = SqlFailure.raise(e, database.dialect(), "writing to " + shape.name() + " in " + database.displayUrl());
      if (failure instanceof TransientException) discardConnection();
      throw failure;
    }
  }

  /** An upsert touches a row once: of records with the same key, the last one wins. */
  private List<PreparedRow> lastOfEachKey(List<PreparedRow> rows) {
    Map<String, PreparedRow> last = new LinkedHashMap<>(rows.size() * 2);
    for (PreparedRow row : rows) last.put(preparer.keyOf(row), row);
    return last.size() == rows.size() ? rows : new ArrayList<>(last.values());
  }

  /** Writes the rows in one transaction; {@code refused}: the batch failed already, go find the culprits. */
  private List<WriteResult.Rejected> inTransaction(List<PreparedRow> rows, boolean refused) throws ConnectorException {
    Connection c = connection();
    Dialect dialect = database.dialect();
    String doing = "writing to " + shape.name() + " in " + database.displayUrl();
    try {
      if (!refused) try {
        List<WriteResult.Rejected> missing = writer.write(c, rows);
        c.commit();
        writer.transactionEnded();
        return missing;
      } catch (SQLException e) {
        rollback(c);
        if (SqlFailure.of(e, dialect) != SqlFailure.DATA) throw e;
        LOG.debug("batch of {} refused ({}), finding the records at fault", rows.size(), SqlFailure.describe(e));
      }
      List<WriteResult.Rejected> rejected = new ArrayList<>();
      isolate(c, rows, rejected);
      c.commit();
      writer.transactionEnded();
      return rejected;
    } catch (SQLException e) {
      rollback(c);
      ConnectorException failure = SqlFailure.raise(e, dialect, doing);
      if (failure instanceof TransientException) discardConnection();
      throw failure;
    }
  }

  private void isolate(Connection c, List<PreparedRow> rows, List<WriteResult.Rejected> rejected) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      rejected.addAll(writer.write(c, rows));
      c.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      if (SqlFailure.of(e, database.dialect()) != SqlFailure.DATA) throw e;
      c.rollback(savepoint);
      if (rows.size() == 1) {
        rejected.add(new WriteResult.Rejected(rows.get(0).index(), "refused by the database: " + SqlFailure.describe(e)));
        return;
      }
      int half = rows.size() / 2;
      isolate(c, rows.subList(0, half), rejected);
      isolate(c, rows.subList(half, rows.size()), rejected);
    }
  }

  private Connection connection() throws ConnectorException {
    if (connection == null) {
      connection = database.connection();
      try {
        writer.connected(connection);
      } catch (SQLException e) {
        discardConnection();
        throw SqlFailure.raise(e, database.dialect(), "preparing to write to " + shape.name());
      }
    }
    return connection;
  }

  /** The connection broke: let the pool drop it, and take a fresh one at the next write. */
  private void discardConnection() {
    if (connection == null) return;
    database.evict(connection);
    connection = null;
    writer.transactionEnded();
  }

  /** For tests: the connection this sink holds. */
  Connection heldConnection() throws ConnectorException {
    return connection();
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the caller reports the original failure
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing to save
    }
  }

  @Override
  public void abort() {
    preparedAhead.clear();
  }

  @Override
  public void close() {
    preparedAhead.clear();
    if (connection != null) closeQuietly(connection);
    connection = null;
    release.run();
  }
}
