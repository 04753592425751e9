package dev.weft.connector.jdbc;

import dev.weft.connector.WriteResult;
import dev.weft.model.Target;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL inserts and upserts through COPY, the fastest way in. Inserts are copied straight
 * into the table; upserts into a temporary staging table shaped like the target (created once
 * per connection, emptied at each commit), then moved with one {@code INSERT ... SELECT ... ON
 * CONFLICT DO UPDATE}. Keys are unique within a batch already (the sink keeps the last record of
 * each key), since ON CONFLICT cannot touch one row twice.
 *
 * <p>ON CONFLICT costs the server about twice a plain insert (it checks the key before it
 * inserts each row). Loads of new records are common (first loads, orders, events), so an upsert
 * first tries a plain {@code INSERT ... SELECT} in a savepoint; when some key is there already,
 * it rolls back to the savepoint and merges. After a batch that met existing keys, the next
 * {@value #MERGES_BEFORE_TRYING_INSERT} go straight to the merge.
 */
final class PostgresCopyWriter implements RowWriter {

  private static final String ORDINAL = "weft_ordinal";
  private static final int FLUSH_CHARS = 1 << 16; // small pieces: the server parses one while the next is sent
  static final int MERGES_BEFORE_TRYING_INSERT = 16;
  private static final String UNIQUE_VIOLATION = "23505";

  private final PostgresDialect dialect;
  private final String table;
  private final TableShape shape;
  private final Target.Write mode;
  private final List<String> key;
  private final String staging;
  private boolean stagingHasRows;
  /** Batches left to merge straight away before trying a plain insert again. */
  private int mergesAhead;

  PostgresCopyWriter(PostgresDialect dialect, TableShape shape, Target.Write mode, List<String> key) {
    this.dialect = dialect;
    this.table = dialect.table(shape.name());
    this.shape = shape;
    this.mode = mode;
    this.key = List.copyOf(key);
    String base = "weft_stage_" + shape.name().schema().map(schema -> schema + "_").orElse("") + shape.name().table();
    this.staging = dialect.quote(base.length() > 50 ? base.substring(0, 40) + "_" + Integer.toHexString(base.hashCode()) : base);
  }

  @Override
  public void connected(Connection connection) throws SQLException {
    if (mode != Target.Write.UPSERT) return;
    try (Statement statement = connection.createStatement()) {
      boolean exists;
      try (var rs = statement.executeQuery("SELECT to_regclass('pg_temp." + staging + "') IS NOT NULL")) {
        exists = rs.next() && rs.getBoolean(1);
      }
      if (exists) {
        connection.commit();
        return;
      }
      statement.execute("CREATE TEMP TABLE " + staging + " (LIKE " + table + ") ON COMMIT DELETE ROWS");
      statement.execute("ALTER TABLE " + staging + " ADD COLUMN " + ORDINAL + " bigint");
      // records may set only some columns: NOT NULL is for the target to judge, after the merge
      String dropNotNull =
          shape.columns().values().stream()
              .filter(c -> !c.nullable())
              .map(c -> "ALTER COLUMN " + dialect.quote(c.name()) + " DROP NOT NULL")
              .collect(Collectors.joining(", "));
      if (!dropNotNull.isEmpty()) statement.execute("ALTER TABLE " + staging + " " + dropNotNull);
    }
    connection.commit();
    stagingHasRows = false;
  }

  @Override
  public List<WriteResult.Rejected> write(Connection connection, List<PreparedRow> rows) throws SQLException {
    boolean ordinal = mode == Target.Write.UPSERT;
    for (List<PreparedRow> run : RowWriter.runsOfSameColumns(rows))
      send(connection, new Encoded(run.get(0).columnNames(), chunks(run, ordinal), false, false));
    return List.of();
  }

  @Override
  public void transactionEnded() {
    stagingHasRows = false;
  }

  /**
   * Rows in COPY's binary format (when every column and value has an exact binary form) or text
   * format, in pieces of about {@value #FLUSH_CHARS} bytes; {@code duplicates}: some key is on
   * more than one row (the last of each key must win the merge).
   */
  record Encoded(List<String> columnNames, List<byte[]> chunks, boolean duplicates, boolean binary) {}

  /**
   * Encodes a batch's rows for {@link #send}, without a connection, so that it can be done while
   * the batch before is being written; empty when the rows do not all set the same columns (then
   * the caller uses {@link #write}).
   */
  Optional<Encoded> encode(List<PreparedRow> rows, Function<PreparedRow, String> keyOf) {
    if (rows.isEmpty()) return Optional.empty();
    List<Column> columns = rows.get(0).columns();
    boolean upsert = mode == Target.Write.UPSERT;
    Set<String> keys = upsert ? new HashSet<>(rows.size() * 2) : Set.of();
    boolean duplicates = false;
    for (PreparedRow row : rows) {
      if (!row.columns().equals(columns)) return Optional.empty();
      if (upsert && !keys.add(keyOf.apply(row))) duplicates = true;
    }
    Optional<List<byte[]>> binary = binaryChunks(columns, rows, upsert);
    return Optional.of(new Encoded(rows.get(0).columnNames(), binary.orElseGet(() -> chunks(rows, upsert)), duplicates, binary.isPresent()));
  }

  /** The codecs for the last column list seen: a batch's rows share one list (and batches mostly do too). */
  private volatile ColumnCodecs lastCodecs = new ColumnCodecs(List.of(), Optional.empty());

  private record ColumnCodecs(List<Column> columns, Optional<CopyBinary.Codec[]> codecs) {}

  /** The rows in COPY's binary format, when every column and value has an exact binary form. */
  private Optional<List<byte[]>> binaryChunks(List<Column> columns, List<PreparedRow> rows, boolean ordinal) {
    ColumnCodecs known = lastCodecs;
    if (known.columns() != columns) lastCodecs = known = new ColumnCodecs(columns, CopyBinary.codecs(columns));
    if (known.codecs().isEmpty()) return Optional.empty();
    CopyBinary.Codec[] codecs = known.codecs().get();
    CopyBinary.Chunks out = new CopyBinary.Chunks(FLUSH_CHARS);
    for (PreparedRow row : rows)
      if (!CopyBinary.append(out, codecs, row.values(), ordinal ? row.index() : -1)) return Optional.empty();
    return Optional.of(out.finish());
  }

  /**
   * Copies encoded rows into the table, or for an upsert into the staging table and from there
   * merged into the table, inside the caller's transaction.
   */
  void send(Connection connection, Encoded rows) throws SQLException {
    boolean upsert = mode == Target.Write.UPSERT;
    String columns = dialect.joinQuoted(rows.columnNames());
    try (Statement statement = connection.createStatement()) {
      if (upsert && stagingHasRows) statement.execute("DELETE FROM " + staging);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      String into = upsert ? staging + " (" + columns + ", " + ORDINAL + ")" : table + " (" + columns + ")";
      CopyIn in = copy.copyIn("COPY " + into + " FROM STDIN" + (rows.binary() ? " (FORMAT binary)" : ""));
      try {
        for (byte[] chunk : rows.chunks()) in.writeToCopy(chunk, 0, chunk.length);
        in.endCopy();
      } finally {
        if (in.isActive()) in.cancelCopy();
      }
      if (upsert) {
        stagingHasRows = true;
        if (mergesAhead > 0) mergesAhead--;
        else if (insertedAllNew(connection, statement, rows)) return;
        statement.executeUpdate(merge(rows));
      }
    }
  }

  /** The staged rows moved by a plain insert; false, with nothing moved, when some key exists already. */
  private boolean insertedAllNew(Connection connection, Statement statement, Encoded rows) throws SQLException {
    Savepoint before = connection.setSavepoint();
    try {
      statement.executeUpdate("INSERT INTO " + table + " (" + dialect.joinQuoted(rows.columnNames()) + ") " + select(rows));
      connection.releaseSavepoint(before);
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
      connection.rollback(before);
      mergesAhead = MERGES_BEFORE_TRYING_INSERT;
      return false;
    }
  }

  /** Moves the staged rows into the table, updating the rows of keys it has already. */
  private String merge(Encoded rows) {
    return "INSERT INTO " + table + " (" + dialect.joinQuoted(rows.columnNames()) + ") " + select(rows)
        + dialect.onConflict(rows.columnNames(), key);
  }

  /** The staged rows; with duplicates, the last row of each key (by ordinal). */
  private String select(Encoded rows) {
    String columns = dialect.joinQuoted(rows.columnNames());
    return rows.duplicates()
        ? "SELECT DISTINCT ON (" + dialect.joinQuoted(key) + ") " + columns + " FROM " + staging + " ORDER BY "
            + dialect.joinQuoted(key) + ", " + ORDINAL + " DESC"
        : "SELECT " + columns + " FROM " + staging;
  }

  /** The rows as COPY text; {@code ordinal}: each row's index goes last, for the staging table. */
  private static List<byte[]> chunks(List<PreparedRow> rows, boolean ordinal) {
    List<byte[]> chunks = new ArrayList<>();
    StringBuilder text = new StringBuilder(FLUSH_CHARS + 1024);
    for (PreparedRow row : rows) {
      CopyText.appendRow(text, row.values(), ordinal ? row.index() : -1);
      if (text.length() >= FLUSH_CHARS) {
        chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
      }
    }
    if (!text.isEmpty()) chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
    return chunks;
  }

  /** COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
  static final class CopyText {
    private static final HexFormat HEX = HexFormat.of();

    private CopyText() {}

    /** One line; {@code ordinal} (when not negative) goes last, for the staging table. */
    static void appendRow(StringBuilder out, List<Object> values, long ordinal) {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) out.append('\t');
        appendValue(out, values.get(i));
      }
      if (ordinal >= 0) out.append('\t').append(ordinal);
      out.append('\n');
    }

    static void appendValue(StringBuilder out, Object value) {
      switch (value) {
        case null -> out.append("\\N");
        case Boolean b -> out.append(b ? 't' : 'f');
        case java.math.BigDecimal d -> appendDecimal(out, d);
        case Number n -> out.append(n);
        case byte[] bytes -> out.append("\\\\x").append(HEX.formatHex(bytes));
        case java.time.OffsetDateTime t -> Temporals.append(out, t);
        case java.time.LocalDateTime t -> out.append(t);
        case java.time.temporal.TemporalAccessor t -> out.append(Temporals.format(t));
        default -> escape(out, value.toString());
      }
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
      POWERS_OF_TEN[0] = 1;
      for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    /** As {@link java.math.BigDecimal#toPlainString}, without its strings when the number fits a long. */
    static void appendDecimal(StringBuilder out, java.math.BigDecimal d) {
      int scale = d.scale();
      if (scale < 0 || scale > 18 || d.precision() > 18) {
        out.append(d.toPlainString());
        return;
      }
      long unscaled = d.scaleByPowerOfTen(scale).longValueExact();
      if (scale == 0) {
        out.append(unscaled);
        return;
      }
      if (unscaled < 0) {
        out.append('-');
        unscaled = -unscaled;
      }
      long power = POWERS_OF_TEN[scale];
      long fraction = unscaled % power;
      out.append(unscaled / power).append('.');
      for (long p = power / 10; p > 1 && fraction < p; p /= 10) out.append('0');
      out.append(fraction);
    }

    private static void escape(StringBuilder out, String text) {
      if (text.indexOf('\\') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
        out.append(text); // the common case: nothing to escape (indexOf is a vectorised scan)
        return;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(c);
        }
      }
    }
  }
}
