package dev.weft.connector.jdbc;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet.Change;
import dev.weft.connector.RecordSet.Outcome;
import dev.weft.connector.TransientException;
import dev.weft.model.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a sync's creates, updates and deletes to one table in one transaction. The changes run
 * as they are; when the database refuses one for its data, the transaction is rolled back and run
 * again with a savepoint around each change, so the refused ones are told apart and the rest kept.
 * Values are checked and coerced to the column types first; a change that does not fit is refused
 * without reaching the database.
 */
final class RecordChanges {

  private final Database database;
  private final Dialect dialect;
  private final TableShape shape;
  private final String table;
  private final Column id;
  private final Map<String, String> renames; // column -> field, for the id and updated fields
  private final RecordPreparer preparer;

  RecordChanges(Database database, TableShape shape, Column id, Map<String, String> renames) {
    this.database = database;
    this.dialect = database.dialect();
    this.shape = shape;
    this.table = dialect.table(shape.name());
    this.id = id;
    this.renames = Map.copyOf(renames);
    this.preparer = new RecordPreparer(shape, Target.Write.INSERT, List.of(), database.option("ignore_unknown_columns"));
  }

  /** A change checked and coerced, ready to run, or refused already. */
  private sealed interface Step {
    record Refuse(String reason) implements Step {}

    record Insert(PreparedRow row, Optional<String> givenId) implements Step {}

    record Update(String idText, Object idValue, PreparedRow row) implements Step {}

    /** {@code idValue} empty: the id cannot exist in the column, so there is nothing to delete. */
    record Delete(String idText, Optional<Object> idValue) implements Step {}
  }

  List<Outcome> apply(List<Change> changes) throws ConnectorException {
    if (changes.isEmpty()) return List.of();
    List<Step> steps = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) steps.add(step(i, changes.get(i)));
    Connection c = database.connection();
    boolean broken = false;
    try {
      try {
        List<Outcome> outcomes = run(c, steps, false);
        c.commit();
        return outcomes;
      } catch (SQLException e) {
        c.rollback();
        if (SqlFailure.of(e, dialect) != SqlFailure.DATA) throw e;
      }
      List<Outcome> outcomes = run(c, steps, true);
      c.commit();
      return outcomes;
    } catch (SQLException e) {
      rollback(c);
      ConnectorException failure = SqlFailure.raise(e, dialect, "changing " + shape.name() + " in " + database.displayUrl());
      if (failure instanceof TransientException) {
        broken = true;
        database.evict(c);
      }
      throw failure;
    } finally {
      if (!broken) close(c);
    }
  }

  private String idField() {
    return renames.getOrDefault(id.name(), id.name());
  }

  private Step step(int index, Change change) {
    try {
      return switch (change) {
        case Change.Create create -> {
          PreparedRow row = preparer.prepare(index, fieldsAsColumns(create.fields()));
          Object given = row.value(id.name());
          yield new Step.Insert(row, given == null ? Optional.empty() : Optional.of(IdText.of(given)));
        }
        case Change.Update update -> {
          Optional<Object> idValue = JdbcRecordSet.fitting(id, update.id());
          if (idValue.isEmpty()) yield new Step.Refuse("no row with " + idField() + " = '" + update.id() + "' in " + shape.name());
          Map<String, Object> fields = fieldsAsColumns(update.fields());
          fields.remove(id.name());
          PreparedRow row = fields.isEmpty() ? new PreparedRow(index, List.of(), List.of()) : preparer.prepare(index, fields);
          yield new Step.Update(update.id(), idValue.get(), row);
        }
        case Change.Delete delete -> new Step.Delete(delete.id(), JdbcRecordSet.fitting(id, delete.id()));
      };
    } catch (RecordRejected e) {
      return new Step.Refuse(e.getMessage());
    }
  }

  /** The side names the id and updated fields as it likes; the table may spell them in another case. */
  private Map<String, Object> fieldsAsColumns(Map<String, Object> fields) {
    Map<String, Object> named = new java.util.LinkedHashMap<>(fields.size() * 2);
    fields.forEach((field, value) -> {
      String column = field;
      for (var rename : renames.entrySet()) if (rename.getValue().equals(field)) column = rename.getKey();
      named.put(column, value);
    });
    return named;
  }

  private List<Outcome> run(Connection c, List<Step> steps, boolean isolated) throws SQLException {
    Map<String, PreparedStatement> statements = new HashMap<>();
    try {
      List<Outcome> outcomes = new ArrayList<>(steps.size());
      for (Step step : steps) {
        if (step instanceof Step.Refuse refuse) {
          outcomes.add(new Outcome.Refused(refuse.reason()));
          continue;
        }
        if (!isolated) {
          outcomes.add(execute(c, statements, step));
          continue;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
          outcomes.add(execute(c, statements, step));
          c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          if (SqlFailure.of(e, dialect) != SqlFailure.DATA) throw e;
          c.rollback(savepoint);
          outcomes.add(new Outcome.Refused("refused by the database: " + SqlFailure.describe(e)));
        }
      }
      return outcomes;
    } finally {
      for (PreparedStatement s : statements.values()) s.close();
    }
  }

  private Outcome execute(Connection c, Map<String, PreparedStatement> statements, Step step) throws SQLException {
    return switch (step) {
      case Step.Insert insert -> {
        PreparedRow row = insert.row();
        String sql = dialect.insertSql(table, row.columnNames());
        boolean generated = insert.givenId().isEmpty();
        PreparedStatement s = statements.get((generated ? "k:" : "") + sql);
        if (s == null) {
          s = !generated ? c.prepareStatement(sql)
              : dialect instanceof PostgresDialect || dialect instanceof H2Dialect ? c.prepareStatement(sql, new String[] {id.name()})
              : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
          statements.put((generated ? "k:" : "") + sql, s);
        }
        bind(s, 1, row);
        s.executeUpdate();
        if (!generated) yield new Outcome.Done(insert.givenId().get());
        try (ResultSet keys = s.getGeneratedKeys()) {
          if (keys == null || !keys.next() || keys.getObject(1) == null)
            throw new SQLException("the database gave no " + id.name() + " for the new row of " + shape.name()
                + ": map a value to " + id.name() + " or give the column a generated default", "42000");
          yield new Outcome.Done(IdText.of(keys.getObject(1)));
        }
      }
      case Step.Update update -> {
        PreparedRow row = update.row();
        String sql = row.columns().isEmpty()
            ? "SELECT 1 FROM " + table + " WHERE " + dialect.quote(id.name()) + " = ?"
            : dialect.updateSql(table, append(row.columnNames(), id.name()), List.of(id.name()));
        PreparedStatement s = statement(c, statements, sql);
        bind(s, 1, row);
        dialect.bind(s, row.columns().size() + 1, id, update.idValue());
        boolean found;
        if (row.columns().isEmpty()) {
          try (ResultSet rs = s.executeQuery()) {
            found = rs.next();
          }
        } else {
          found = s.executeUpdate() > 0;
        }
        yield found
            ? new Outcome.Done(update.idText())
            : new Outcome.Refused("no row with " + idField() + " = '" + update.idText() + "' in " + shape.name());
      }
      case Step.Delete delete -> {
        if (delete.idValue().isPresent()) {
          String sql = "DELETE FROM " + table + " WHERE " + dialect.quote(id.name()) + " = ?";
          PreparedStatement s = statement(c, statements, sql);
          dialect.bind(s, 1, id, delete.idValue().get());
          s.executeUpdate(); // a row already gone is deleted all the same
        }
        yield new Outcome.Done(delete.idText());
      }
      case Step.Refuse refuse -> new Outcome.Refused(refuse.reason());
    };
  }

  private void bind(PreparedStatement s, int first, PreparedRow row) throws SQLException {
    for (int i = 0; i < row.columns().size(); i++) dialect.bind(s, first + i, row.columns().get(i), row.values().get(i));
  }

  private static List<String> append(List<String> columns, String key) {
    List<String> all = new ArrayList<>(columns);
    all.add(key);
    return all;
  }

  private static PreparedStatement statement(Connection c, Map<String, PreparedStatement> statements, String sql)
      throws SQLException {
    PreparedStatement s = statements.get(sql);
    if (s == null) {
      s = c.prepareStatement(sql);
      statements.put(sql, s);
    }
    return s;
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the caller reports the original failure
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing to save
    }
  }
}
