package dev.weft.connector.jdbc;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table or a query in batches from one streamed result (a server-side cursor where the
 * driver offers one). While the engine asks for the batch after the one just returned, the open
 * result goes on; any other checkpoint re-runs the query from that checkpoint.
 *
 * <p>With {@code incremental}, the checkpoint is the last cursor value (and primary key), valid
 * across runs. Without it the checkpoint is the count of rows read, meaningful within this run
 * only: a table has no stable position between runs.
 */
final class JdbcSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSource.class);

  private final Database database;
  private final Runnable release;
  private final SourceQuery query;
  private final String label; // the table name, or "query", for positions
  private final int fetchSize;

  private Connection connection;
  private PreparedStatement statement;
  private ResultSet result;
  private RowReader reader;
  private final Deque<Map<String, Object>> pending = new ArrayDeque<>();
  private Checkpoint openAt = Checkpoint.START;
  private long delivered; // rows handed out since the start, for full-read checkpoints and positions

  private JdbcSource(Database database, Runnable release, SourceQuery query, String label, int fetchSize) {
    this.database = database;
    this.release = release;
    this.query = query;
    this.label = label;
    this.fetchSize = fetchSize;
  }

  static JdbcSource open(Database database, Runnable release, SourceContext context) throws ConnectorException {
    dev.weft.model.Source source = context.source();
    if (source.table().isPresent() == source.query().isPresent())
      throw new ConfigException("flow " + context.flow().id() + ": a datastore source needs either a table or a query");
    Optional<String> cursorField = source.incremental().map(dev.weft.model.Source.Incremental::field);
    Dialect dialect = database.dialect();
    int fetchSize = database.intOption("fetch_size", 1000);
    try (Connection c = database.connection()) {
      try {
        SourceQuery query;
        String label;
        if (source.table().isPresent()) {
          TableShape shape = TableShape.read(c, dialect, TableName.parse(source.table().get()), database.displayUrl());
          String table = dialect.table(shape.name());
          List<Column> columns = probe(c, "SELECT * FROM " + table + " WHERE 1 = 0", 0);
          Optional<Column> cursor = cursorColumn(columns, cursorField, database);
          List<Column> key = new ArrayList<>();
          for (String k : shape.primaryKey()) key.add(find(columns, k).orElseThrow());
          List<Column> tieBreak = key.stream().filter(k -> !cursor.map(k::equals).orElse(false)).toList();
          boolean cursorIsKey = cursor.isPresent() && key.size() == 1 && key.contains(cursor.get());
          query = new SourceQuery(dialect, table, false, 0, cursor, cursorIsKey ? List.of() : tieBreak, key);
          label = shape.name().table();
        } else {
          NamedCursor named = NamedCursor.replace(source.query().get());
          if (named.count() > 0 && cursorField.isEmpty())
            throw new ConfigException("the source query uses :cursor but the source has no incremental field");
          List<Column> columns = probe(c, "SELECT * FROM (" + named.sql() + ") weft_q WHERE 1 = 0", named.count());
          query = new SourceQuery(dialect, named.sql(), true, named.count(), cursorColumn(columns, cursorField, database),
              List.of(), List.of());
          label = "query";
        }
        c.commit();
        return new JdbcSource(database, release, query, label, fetchSize);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlFailure.raise(e, dialect, "preparing to read from " + database.displayUrl());
    }
  }

  private static List<Column> probe(Connection c, String sql, int nullBinds) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 1; i <= nullBinds; i++) s.setNull(i, java.sql.Types.NULL);
      try (ResultSet rs = s.executeQuery()) {
        return RowReader.columnsOf(rs.getMetaData());
      }
    }
  }

  private static Optional<Column> cursorColumn(List<Column> columns, Optional<String> field, Database database)
      throws ConfigException {
    if (field.isEmpty()) return Optional.empty();
    return Optional.of(find(columns, field.get()).orElseThrow(() -> new ConfigException(
        "incremental field " + field.get() + " is not a column read from " + database.displayUrl() + " (columns: "
            + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")")));
  }

  private static Optional<Column> find(List<Column> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst()
        .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    CursorToken token = CursorToken.parse(from);
    try {
      if (result == null || !from.equals(openAt)) reopen(from, token);
      List<Map<String, Object>> rows = new ArrayList<>();
      Map<String, Object> row = null;
      while (rows.size() < maxRecords && (row = next()) != null) rows.add(row);
      boolean done = row == null;
      if (!done) {
        Map<String, Object> peek = next();
        done = peek == null;
        if (peek != null) {
          if (query.kind() == SourceQuery.Kind.CURSOR && sameCursor(peek, rows.get(rows.size() - 1))) {
            done = endAtCursorChange(rows, peek);
          } else pending.addFirst(peek);
        }
      }
      long before = delivered;
      List<SourceRecord> records = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) records.add(new SourceRecord(rows.get(i), position(rows.get(i), before + i + 1)));
      Checkpoint after = rows.isEmpty() ? from : tokenAfter(rows.get(rows.size() - 1), before + rows.size());
      delivered += rows.size();
      if (done) {
        closeResult(true);
        return Batch.last(records, after);
      }
      openAt = after;
      return Batch.more(records, after);
    } catch (SQLException e) {
      closeResult(false);
      throw SqlFailure.raise(e, database.dialect(), "reading " + label + " from " + database.displayUrl());
    }
  }

  /**
   * A batch read by cursor alone may only end where the cursor value changes, or a resumed read
   * would skip the rest of the rows with that value. Gives back the trailing rows of the last
   * value, or, when the whole batch has one value, reads on to the end of that value.
   */
  private boolean endAtCursorChange(List<Map<String, Object>> rows, Map<String, Object> peek) throws SQLException {
    Map<String, Object> last = rows.get(rows.size() - 1);
    int start = rows.size() - 1;
    while (start > 0 && sameCursor(rows.get(start - 1), last)) start--;
    if (start > 0) {
      pending.addFirst(peek);
      for (int i = rows.size() - 1; i >= start; i--) pending.addFirst(rows.remove(i));
      return false;
    }
    rows.add(peek);
    Map<String, Object> row;
    while ((row = next()) != null) {
      if (!sameCursor(row, last)) {
        pending.addFirst(row);
        return false;
      }
      rows.add(row);
    }
    return true;
  }

  private boolean sameCursor(Map<String, Object> a, Map<String, Object> b) {
    String field = query.cursor().orElseThrow().name();
    return Objects.equals(a.get(field), b.get(field));
  }

  private Map<String, Object> next() throws SQLException {
    if (!pending.isEmpty()) return pending.pollFirst();
    if (result == null || !result.next()) return null;
    return reader.read(result);
  }

  private String position(Map<String, Object> row, long n) {
    if (!query.key().isEmpty())
      return label + ":" + query.key().stream().map(k -> String.valueOf(row.get(k.name()))).collect(Collectors.joining(","));
    return label + ":row " + n;
  }

  private Checkpoint tokenAfter(Map<String, Object> row, long rows) {
    if (query.cursor().isEmpty()) return new CursorToken(Optional.empty(), List.of(), rows).checkpoint();
    List<Object> key = query.kind() == SourceQuery.Kind.CURSOR_AND_KEY ? query.key().stream().map(k -> row.get(k.name())).toList() : List.of();
    return new CursorToken(Optional.of(row.get(query.cursor().get().name())), key, 0).checkpoint();
  }

  private void reopen(Checkpoint from, CursorToken token) throws SQLException, ConnectorException {
    closeResult(true);
    connection = database.connection();
    statement = query.prepare(connection, token);
    database.dialect().stream(connection, statement, fetchSize);
    result = statement.executeQuery();
    reader = RowReader.of(result.getMetaData());
    delivered = token.rows();
    for (long skip = token.rows(); skip > 0 && result.next(); skip--) {
      // a full read resumes by count within the run
    }
    openAt = from;
    LOG.debug("reading {} from {} after {}", label, database.displayUrl(), from.token());
  }

  private void closeResult(boolean healthy) {
    pending.clear();
    try {
      if (result != null) result.close();
      if (statement != null) statement.close();
    } catch (SQLException ignored) {
      // closing a broken result
    }
    if (connection != null && !healthy) database.evict(connection);
    else if (connection != null) {
      try {
        connection.rollback(); // read only: nothing to keep
        connection.close();
      } catch (SQLException e) {
        database.evict(connection);
      }
    }
    result = null;
    statement = null;
    connection = null;
  }

  /** For tests: the connection of the open result, if any. */
  Optional<Connection> openConnection() {
    return Optional.ofNullable(connection);
  }

  @Override
  public void close() {
    closeResult(true);
    release.run();
  }
}
