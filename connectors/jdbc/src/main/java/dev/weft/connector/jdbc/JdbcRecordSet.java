package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.RecordSetContext;
import dev.weft.connector.SystemException;
import dev.weft.model.Sync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A table as one side of a two-way sync: read by pages in (updated, id) order, by ids and by a
 * match field, and changed through {@link RecordChanges}. Each read is its own short transaction
 * and each page its own query (keyset paging), so a table of any size streams a page at a time.
 *
 * <p>Records come back as the source reads rows ({@link RowReader}); the id and updated columns
 * are named as the side spells them, and where the database folds names to upper case (H2) the
 * other upper-case columns are named in lower case, as the spec wrote them.
 */
final class JdbcRecordSet implements RecordSet {

  static final int CHUNK = 500;

  private final Database database;
  private final Runnable release;
  private final TableShape shape;
  private final String table;
  private final Column id;
  private final Optional<Column> updated;
  private final Map<String, String> renames;
  private final RecordChanges changes;

  private JdbcRecordSet(Database database, Runnable release, TableShape shape, Column id, Optional<Column> updated,
      Map<String, String> renames) {
    this.database = database;
    this.release = release;
    this.shape = shape;
    this.table = database.dialect().table(shape.name());
    this.id = id;
    this.updated = updated;
    this.renames = renames;
    this.changes = new RecordChanges(database, shape, id, renames);
  }

  static JdbcRecordSet open(Database database, Runnable release, RecordSetContext context) throws ConnectorException {
    Sync.Side side = context.side();
    String tableText = side.table().orElseThrow(() -> new ConfigException(
        "flow " + context.flow().id() + ": the sync side on " + side.system() + " is a datastore and needs a table"));
    TableName name = TableName.parse(tableText);
    try (Connection c = database.connection()) {
      try {
        TableShape shape = TableShape.read(c, database.dialect(), name, database.displayUrl());
        c.commit();
        Column id = column(shape, side.id(), "id", tableText, database);
        Optional<Column> updated = Optional.empty();
        if (side.updated().isPresent()) updated = Optional.of(column(shape, side.updated().get(), "updated", tableText, database));
        Map<String, String> renames = new LinkedHashMap<>();
        if (c.getMetaData().storesUpperCaseIdentifiers()) {
          // H2 folds unquoted names to upper case; the spec's map rows name them as they were written
          for (String column : shape.columns().keySet()) {
            String lower = column.toLowerCase(java.util.Locale.ROOT);
            if (column.equals(column.toUpperCase(java.util.Locale.ROOT)) && !column.equals(lower)) renames.put(column, lower);
          }
        }
        renames.put(id.name(), side.id());
        updated.ifPresent(u -> renames.put(u.name(), side.updated().get()));
        return new JdbcRecordSet(database, release, shape, id, updated, renames);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlFailure.raise(e, database.dialect(), "reading table " + tableText + " in " + database.displayUrl());
    }
  }

  private static Column column(TableShape shape, String field, String role, String table, Database database)
      throws ConfigException {
    return shape.column(field).orElseThrow(() -> new ConfigException(
        role + " field " + field + " is not a column of table " + table + " in " + database.displayUrl()
            + " (columns: " + String.join(", ", shape.columns().keySet()) + ")"));
  }

  @Override
  public void scan(Optional<String> since, int pageSize, Consumer<List<Map<String, Object>>> page)
      throws ConnectorException {
    if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
    Optional<Object> from = Optional.empty();
    if (since.isPresent() && updated.isPresent()) from = Optional.of(coerce(updated.get(), since.get(), "the updated-since value"));
    Column order = from.isPresent() ? updated.get() : id;
    Optional<Object[]> after = Optional.empty(); // {order value, id value} of the last row read
    while (true) {
      List<Object> binds = new ArrayList<>();
      List<Column> bindColumns = new ArrayList<>();
      StringBuilder sql = new StringBuilder("SELECT * FROM ").append(table);
      List<String> where = new ArrayList<>();
      if (from.isPresent()) {
        where.add(q(order) + " >= ?");
        binds.add(from.get());
        bindColumns.add(order);
      }
      if (after.isPresent()) {
        if (order == id) {
          where.add(q(id) + " > ?");
        } else {
          where.add("(" + q(order) + " > ? OR (" + q(order) + " = ? AND " + q(id) + " > ?))");
          binds.add(after.get()[0]);
          bindColumns.add(order);
          binds.add(after.get()[0]);
          bindColumns.add(order);
        }
        binds.add(after.get()[1]);
        bindColumns.add(id);
      }
      if (!where.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", where));
      sql.append(" ORDER BY ").append(order == id ? q(id) : q(order) + ", " + q(id)).append(" LIMIT ").append(pageSize);
      List<Map<String, Object>> rows = query(sql.toString(), bindColumns, binds, "scanning");
      if (!rows.isEmpty()) page.accept(rows);
      if (rows.size() < pageSize) return;
      Map<String, Object> last = rows.get(rows.size() - 1);
      after = Optional.of(new Object[] {
          order == id ? null : coerce(order, last.get(field(order)), "the last updated value"),
          coerce(id, last.get(field(id)), "the last id")});
    }
  }

  @Override
  public Map<String, Map<String, Object>> get(Collection<String> ids) throws ConnectorException {
    List<Object> values = new ArrayList<>();
    for (String text : new LinkedHashSet<>(ids)) fitting(id, text).ifPresent(values::add);
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    for (List<Object> chunk : chunks(values)) {
      String sql = "SELECT * FROM " + table + " WHERE " + q(id) + " IN (" + Dialect.marks(chunk.size()) + ")";
      for (Map<String, Object> row : query(sql, java.util.Collections.nCopies(chunk.size(), id), chunk, "reading by id"))
        found.put(IdText.of(row.get(field(id))), row);
    }
    return found;
  }

  @Override
  public List<Map<String, Object>> find(String field, Collection<String> values) throws ConnectorException {
    Column column = column(shape, field, "match", shape.name().toString(), database);
    boolean text = isText(column);
    List<Object> wanted = new ArrayList<>();
    for (String value : new LinkedHashSet<>(values)) {
      if (text) wanted.add(value);
      else fitting(column, value).ifPresent(wanted::add);
    }
    String compared = text ? "lower(trim(" + q(column) + "))" : q(column);
    List<Map<String, Object>> found = new ArrayList<>();
    for (List<Object> chunk : chunks(wanted)) {
      String sql = "SELECT * FROM " + table + " WHERE " + compared + " IN (" + Dialect.marks(chunk.size()) + ")";
      List<Column> bindColumns = text ? java.util.Collections.nCopies(chunk.size(), new Column("match", Types.VARCHAR, "varchar", 0, true))
          : java.util.Collections.nCopies(chunk.size(), column);
      found.addAll(query(sql, bindColumns, chunk, "matching by " + field));
    }
    return found;
  }

  @Override
  public List<Outcome> apply(List<Change> changes) throws ConnectorException {
    return this.changes.apply(changes);
  }

  private List<Map<String, Object>> query(String sql, List<Column> columns, List<Object> binds, String doing)
      throws ConnectorException {
    Connection c = database.connection();
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < binds.size(); i++) database.dialect().bind(s, i + 1, columns.get(i), binds.get(i));
        try (ResultSet rs = s.executeQuery()) {
          RowReader reader = RowReader.of(rs.getMetaData());
          while (rs.next()) rows.add(renamed(reader.read(rs)));
        }
      }
      c.commit();
      c.close();
      return rows;
    } catch (SQLException e) {
      database.evict(c);
      throw SqlFailure.raise(e, database.dialect(), doing + " " + shape.name() + " in " + database.displayUrl());
    }
  }

  private Map<String, Object> renamed(Map<String, Object> row) {
    if (renames.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) return row;
    Map<String, Object> named = new LinkedHashMap<>(row.size() * 2);
    row.forEach((k, v) -> named.put(renames.getOrDefault(k, k), v));
    return named;
  }

  /** The field a column is read into. */
  private String field(Column column) {
    return renames.getOrDefault(column.name(), column.name());
  }

  private String q(Column column) {
    return database.dialect().quote(column.name());
  }

  private static Object coerce(Column column, Object value, String what) throws SystemException {
    try {
      return ValueCoercer.coerce(column, value);
    } catch (RecordRejected e) {
      throw new SystemException(what + " does not fit column " + column.name() + ": " + e.getMessage());
    }
  }

  /** The value as the column's type, or empty when no row can hold it (an id "abc" in an integer column). */
  static Optional<Object> fitting(Column column, String text) {
    try {
      return Optional.ofNullable(ValueCoercer.coerce(column, text));
    } catch (RecordRejected e) {
      return Optional.empty();
    }
  }

  static boolean isText(Column column) {
    return switch (column.jdbcType()) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
          Types.NCLOB -> true;
      default -> column.typeName().equals("text") || column.typeName().equals("citext");
    };
  }

  private static List<List<Object>> chunks(List<Object> values) {
    List<List<Object>> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i += CHUNK) chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
    return chunks;
  }

  @Override
  public void close() {
    release.run();
  }
}
