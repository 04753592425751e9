package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Preview;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TargetPreview;
import dev.weft.model.Target;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a table holds for the records a run would write, read the way {@link JdbcSink} matches
 * them: each record is checked and coerced as for the write (a record the write would refuse is
 * {@link Preview.Refused} here), then the rows with the records' keys are selected in chunks.
 * An insert matches nothing: every record is a create.
 */
final class JdbcTargetPreview implements TargetPreview {

  private final Database database;
  private final Runnable release;
  private final TableShape shape;
  private final Target.Write mode;
  private final List<Column> key;
  private final RecordPreparer preparer;

  private JdbcTargetPreview(Database database, Runnable release, TableShape shape, Target.Write mode, List<Column> key) {
    this.database = database;
    this.release = release;
    this.shape = shape;
    this.mode = mode;
    this.key = List.copyOf(key);
    this.preparer = new RecordPreparer(shape, mode, key.stream().map(Column::name).toList(), database.option("ignore_unknown_columns"));
  }

  static JdbcTargetPreview open(Database database, Runnable release, SinkContext context) throws ConnectorException {
    Target target = context.target();
    String tableText = target.table().orElseThrow(() -> new ConfigException("flow " + context.flow().id() + ": a datastore target needs a table"));
    try (Connection c = database.connection()) {
      try {
        TableShape shape = TableShape.read(c, database.dialect(), TableName.parse(tableText), database.displayUrl());
        c.commit();
        List<Column> key = new ArrayList<>();
        for (String k : target.key())
          key.add(shape.column(k).orElseThrow(() -> new ConfigException(
              "key " + k + " is not a column of table " + tableText + " in " + database.displayUrl())));
        if (key.isEmpty()) for (String k : shape.primaryKey()) key.add(shape.columns().get(k));
        if (key.isEmpty() && target.write() != Target.Write.INSERT)
          throw new ConfigException(
              "table " + tableText + " has no primary key: name the key of the " + target.write().key() + " in the target");
        return new JdbcTargetPreview(database, release, shape, target.write(), key);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlFailure.raise(e, database.dialect(), "reading table " + tableText + " in " + database.displayUrl());
    }
  }

  @Override
  public List<Preview> preview(List<SinkRecord> batch) throws ConnectorException {
    Preview[] answers = new Preview[batch.size()];
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    Map<String, List<Object>> keyValues = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Map<String, Object> record = batch.get(i).value();
      PreparedRow row;
      try {
        row = preparer.prepare(i, record);
      } catch (RecordRejected e) {
        answers[i] = new Preview.Refused(e.getMessage());
        continue;
      }
      if (mode == Target.Write.INSERT) {
        answers[i] = new Preview.Create(Optional.empty());
        continue;
      }
      List<Object> values = key.stream().map(k -> row.value(k.name())).toList();
      String text = keyText(values);
      byKey.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
      keyValues.put(text, values);
    }
    Map<String, Map<String, Object>> rows = select(new ArrayList<>(keyValues.values()));
    for (var entry : byKey.entrySet()) {
      Map<String, Object> current = rows.get(entry.getKey());
      for (int i : entry.getValue()) {
        Map<String, Object> record = batch.get(i).value();
        String shown = shownKey(record);
        if (current != null) answers[i] = new Preview.Existing(shown, asFields(record, current));
        else if (mode == Target.Write.UPDATE)
          answers[i] = new Preview.Refused("no row with " + key.stream().map(k -> k.name() + " = '" + fieldValue(record, k) + "'")
              .collect(Collectors.joining(" and ")));
        else answers[i] = new Preview.Create(Optional.of(shown));
      }
    }
    return List.of(answers);
  }

  /** The current row under the record's own field names, for the fields that are columns. */
  private Map<String, Object> asFields(Map<String, Object> record, Map<String, Object> row) {
    Map<String, Object> current = new LinkedHashMap<>();
    for (String field : record.keySet()) {
      Optional<Column> column = shape.column(field);
      if (column.isPresent()) current.put(field, row.get(column.get().name()));
    }
    return current;
  }

  private Object fieldValue(Map<String, Object> record, Column column) {
    for (var e : record.entrySet()) if (e.getKey().equalsIgnoreCase(column.name())) return e.getValue();
    return null;
  }

  /** {@code A-1}, or {@code order_id=A-1, line=2} for a key of several columns. */
  private String shownKey(Map<String, Object> record) {
    if (key.size() == 1) return String.valueOf(fieldValue(record, key.get(0)));
    return key.stream().map(k -> k.name() + "=" + fieldValue(record, k)).collect(Collectors.joining(", "));
  }

  private Map<String, Map<String, Object>> select(List<List<Object>> keys) throws ConnectorException {
    Map<String, Map<String, Object>> found = new HashMap<>();
    if (keys.isEmpty()) return found;
    Dialect dialect = database.dialect();
    String one = key.size() == 1 ? dialect.quote(key.get(0).name()) + " = ?"
        : "(" + key.stream().map(k -> dialect.quote(k.name()) + " = ?").collect(Collectors.joining(" AND ")) + ")";
    Connection c = database.connection();
    try {
      for (int from = 0; from < keys.size(); from += JdbcRecordSet.CHUNK) {
        List<List<Object>> chunk = keys.subList(from, Math.min(keys.size(), from + JdbcRecordSet.CHUNK));
        String where = key.size() == 1
            ? dialect.quote(key.get(0).name()) + " IN (" + Dialect.marks(chunk.size()) + ")"
            : String.join(" OR ", java.util.Collections.nCopies(chunk.size(), one));
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + dialect.table(shape.name()) + " WHERE " + where)) {
          int n = 1;
          for (List<Object> values : chunk) for (int k = 0; k < key.size(); k++) dialect.bind(s, n++, key.get(k), values.get(k));
          try (ResultSet rs = s.executeQuery()) {
            RowReader reader = RowReader.of(rs.getMetaData());
            while (rs.next()) {
              Map<String, Object> row = reader.read(rs);
              List<Object> values = new ArrayList<>(key.size());
              for (Column k : key) values.add(ValueCoercer.coerce(k, row.get(k.name())));
              found.put(keyText(values), row);
            }
          } catch (RecordRejected e) {
            throw new SQLException("a key read back does not fit its column: " + e.getMessage(), "XX000");
          }
        }
      }
      c.commit();
      c.close();
      return found;
    } catch (SQLException e) {
      database.evict(c);
      throw SqlFailure.raise(e, dialect, "reading " + shape.name() + " in " + database.displayUrl() + " for a plan");
    }
  }

  /** Equal for two keys exactly when the database would find them equal (decimals by value, instants in UTC). */
  private static String keyText(List<Object> values) {
    StringBuilder text = new StringBuilder();
    for (Object value : values) {
      Object v = switch (value) {
        case BigDecimal d -> d.stripTrailingZeros().toPlainString();
        case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toString();
        case byte[] b -> java.util.HexFormat.of().formatHex(b);
        case null -> "\u0000";
        default -> value.toString();
      };
      text.append(v).append('\u0001');
    }
    return text.toString();
  }

  @Override
  public void close() {
    release.run();
  }
}
