package dev.weft.connector.jdbc;

import static dev.weft.connector.jdbc.Fixtures.batch;
import static dev.weft.connector.jdbc.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the JDBC connector does against every database; each database runs it in a subclass. */
abstract class DatabaseContract {

  private final JdbcConnector connector = new JdbcConnector();
  private final List<AutoCloseable> opened = new ArrayList<>();
  protected Connection admin;
  protected String orders;

  /** Calls {@code Services.X.require()} where the database is a server. */
  protected void requireDatabase() {}

  protected abstract String url();

  protected abstract Auth auth();

  protected abstract Connection adminConnection() throws SQLException;

  protected String timestampType() {
    return "TIMESTAMP WITH TIME ZONE";
  }

  protected String booleanType() {
    return "BOOLEAN";
  }

  /** How this database reports the instant 2026-01-02T02:04:05Z when read back as text by SQL. */
  protected boolean storesOffsetsAsWritten() {
    return false;
  }

  /** The id of the connection's session on the server, to kill it from another one. */
  protected Optional<String> sessionIdSql() {
    return Optional.empty();
  }

  protected String killSql(String sessionId) {
    throw new UnsupportedOperationException();
  }

  @BeforeEach
  void setUp() throws SQLException {
    requireDatabase();
    admin = adminConnection();
    orders = "weft_orders_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute("CREATE TABLE " + orders + " (order_id VARCHAR(20) PRIMARY KEY, customer_name VARCHAR(40) NOT NULL,"
        + " total DECIMAL(12,2) CHECK (total >= 0), qty INTEGER, created_at " + timestampType() + ", paid " + booleanType() + ")");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : opened.reversed()) c.close();
    if (admin != null) {
      try (Statement s = admin.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + orders);
      }
      admin.close();
    }
  }

  protected void execute(String sql) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(sql);
    }
  }

  protected SystemDef system(Map<String, Object> options) {
    return Fixtures.system(url(), auth(), options);
  }

  protected Sink sink(Target.Write write, String... key) throws ConnectorException {
    return sink(Map.of(), orders, write, key);
  }

  protected Sink sink(Map<String, Object> options, String table, Target.Write write, String... key) throws ConnectorException {
    Sink sink = connector.openSink(Fixtures.sink(system(options), table, write, List.of(key)));
    opened.add(sink);
    return sink;
  }

  protected Source source(Optional<String> table, Optional<String> query, Optional<String> cursor) throws ConnectorException {
    return source(Map.of(), table, query, cursor);
  }

  protected Source source(Map<String, Object> options, Optional<String> table, Optional<String> query, Optional<String> cursor)
      throws ConnectorException {
    Source source = connector.openSource(Fixtures.source(system(options), table, query, cursor));
    opened.add(source);
    return source;
  }

  protected List<Map<String, Object>> rows(String sql) throws SQLException {
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
          row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
        rows.add(row);
      }
      return rows;
    }
  }

  protected long count() throws SQLException {
    return ((Number) rows("SELECT COUNT(*) AS n FROM " + orders).get(0).get("n")).longValue();
  }

  private static Map<String, Object> order(String id, String name, Object total) {
    return record("order_id", id, "customer_name", name, "total", total);
  }

  @Test
  void insertWritesEveryRecord() throws Exception {
    WriteResult result = sink(Target.Write.INSERT).write(batch(List.of(
        order("A-1", "Ada", new BigDecimal("10.50")), order("A-2", "Bob\ttab \\ slash\nline", 3L), order("A-3", "Cy", null))));

    assertThat(result).isEqualTo(WriteResult.all(3));
    List<Map<String, Object>> rows = rows("SELECT order_id, customer_name, total FROM " + orders + " ORDER BY order_id");
    assertThat(rows).extracting(r -> r.get("order_id")).containsExactly("A-1", "A-2", "A-3");
    assertThat(rows.get(1).get("customer_name")).isEqualTo("Bob\ttab \\ slash\nline");
    assertThat(new BigDecimal(rows.get(0).get("total").toString())).isEqualByComparingTo("10.50");
    assertThat(rows.get(2).get("total")).isNull();
  }

  @Test
  void upsertTwiceLeavesOneRowPerKeyWithTheLastValues() throws Exception {
    Sink sink = sink(Target.Write.UPSERT, "order_id");
    sink.write(batch(List.of(order("A-1", "Ada", 1L), order("A-2", "Bob", 2L))));
    WriteResult second = sink.write(batch(List.of(
        order("A-1", "Ada", 11L), order("A-2", "Bob", 12L), order("A-3", "Cy", 13L), order("A-3", "Cyd", 14L))));

    assertThat(second.rejected()).isEmpty();
    assertThat(second.written()).isEqualTo(4);
    assertThat(count()).isEqualTo(3);
    List<Map<String, Object>> rows = rows("SELECT order_id, customer_name, total FROM " + orders + " ORDER BY order_id");
    assertThat(rows).extracting(r -> new BigDecimal(r.get("total").toString()).intValue()).containsExactly(11, 12, 14);
    assertThat(rows.get(2).get("customer_name")).isEqualTo("Cyd");
  }

  @Test
  void upsertWithSomeFieldsKeepsTheOtherColumns() throws Exception {
    Sink sink = sink(Target.Write.UPSERT);
    sink.write(batch(List.of(record("order_id", "A-1", "customer_name", "Ada", "total", 5L, "qty", 2L))));
    sink.write(batch(List.of(record("order_id", "A-1", "customer_name", "Ada L", "qty", 3L))));

    Map<String, Object> row = rows("SELECT customer_name, total, qty FROM " + orders).get(0);
    assertThat(row.get("customer_name")).isEqualTo("Ada L");
    assertThat(new BigDecimal(row.get("total").toString())).isEqualByComparingTo("5");
    assertThat(((Number) row.get("qty")).intValue()).isEqualTo(3);
  }

  @Test
  void updateChangesExistingRowsAndRejectsMissingOnes() throws Exception {
    sink(Target.Write.INSERT).write(batch(List.of(order("A-1", "Ada", 1L), order("A-2", "Bob", 2L))));

    WriteResult result = sink(Target.Write.UPDATE, "order_id").write(batch(List.of(
        record("order_id", "A-1", "total", 7L), record("order_id", "A-9", "total", 9L), record("order_id", "A-2", "total", 2L))));

    assertThat(result.written()).isEqualTo(2);
    assertThat(result.rejected()).containsExactly(new WriteResult.Rejected(1, "no row with order_id = 'A-9'"));
    assertThat(rows("SELECT total FROM " + orders + " WHERE order_id = 'A-1'").get(0).get("total").toString()).startsWith("7");
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void coercesStringsToColumnTypesAndRejectsWhatDoesNotFit() throws Exception {
    WriteResult result = sink(Target.Write.UPSERT, "order_id").write(batch(List.of(
        record("order_id", "A-1", "customer_name", "Ada", "total", " 12.50", "qty", "7", "created_at", "2026-01-02T03:04:05+01:00", "paid", "true"),
        record("order_id", "A-2", "customer_name", "Bob", "total", "twelve"),
        record("order_id", "A-3", "customer_name", "Cy", "qty", 4.0, "paid", "false", "created_at", "2026-01-02"))));

    assertThat(result.written()).isEqualTo(2);
    assertThat(result.rejected()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(1);
      assertThat(r.reason()).contains("total").contains("twelve");
    });
    Source source = source(Optional.of(orders), Optional.empty(), Optional.empty());
    List<SourceRecord> read = source.read(Checkpoint.START, 10).records();
    Map<String, Object> a1 = lower(read.get(0).value());
    assertThat(a1.get("total")).isInstanceOf(BigDecimal.class);
    assertThat((BigDecimal) a1.get("total")).isEqualByComparingTo("12.5");
    assertThat(a1.get("qty")).isEqualTo(7L);
    assertThat(a1.get("paid")).isEqualTo(true);
    assertThat(a1.get("created_at").toString()).matches(storesOffsetsAsWritten() ? "2026-01-02T03:04:05\\+01:00" : "2026-01-02T02:04:05Z");
    assertThat(lower(read.get(1).value()).get("paid")).isEqualTo(false);
    assertThat(read.get(0).position()).endsWith(":A-1");
  }

  protected static Map<String, Object> lower(Map<String, Object> record) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    record.forEach((k, v) -> map.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return map;
  }

  @Test
  void aConstraintViolationRejectsOnlyThatRecordOnInsert() throws Exception {
    constraintViolationInTheMiddle(Target.Write.INSERT);
  }

  @Test
  void aConstraintViolationRejectsOnlyThatRecordOnUpsert() throws Exception {
    constraintViolationInTheMiddle(Target.Write.UPSERT);
  }

  private void constraintViolationInTheMiddle(Target.Write write) throws Exception {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) records.add(order("B-" + i, "name " + i, (long) i));
    records.set(7, order("B-7", null, 7L)); // NOT NULL
    records.set(13, order("B-13", "name 13", -1L)); // CHECK total >= 0

    WriteResult result = sink(write).write(batch(records));

    assertThat(result.written()).isEqualTo(18);
    assertThat(result.rejected()).extracting(WriteResult.Rejected::index).containsExactly(7, 13);
    assertThat(result.rejected().get(0).reason()).containsIgnoringCase("customer_name");
    assertThat(count()).isEqualTo(18);
    assertThat(rows("SELECT order_id FROM " + orders + " WHERE order_id IN ('B-7', 'B-13')")).isEmpty();
  }

  @Test
  void aBatchPreparedAheadIsWrittenAsAnyOtherAndItsRefusalsAreStillFound() throws Exception {
    Sink sink = sink(Target.Write.UPSERT, "order_id");
    var first = batch(List.of(order("P-1", "Ada", 1L), order("P-2", "Bob", 2L)));
    var second = batch(List.of(
        order("P-2", "Bob", 12L),
        order("P-3", null, 3L), // NOT NULL: refused by the database
        record("order_id", "P-4", "total", "four"), // refused while preparing
        order("P-5", "Cy", 5L),
        order("P-5", "Cyd", 15L)));
    // as the engine does: the next batch is prepared while the one before is written
    sink.prepare(first);
    sink.prepare(second);

    assertThat(sink.write(first)).isEqualTo(WriteResult.all(2));
    WriteResult result = sink.write(second);

    assertThat(result.written()).isEqualTo(3);
    assertThat(result.rejected()).extracting(WriteResult.Rejected::index).containsExactly(1, 2);
    assertThat(result.rejected().get(1).reason()).contains("four");
    List<Map<String, Object>> rows = rows("SELECT order_id, customer_name, total FROM " + orders + " ORDER BY order_id");
    assertThat(rows).extracting(r -> r.get("order_id")).containsExactly("P-1", "P-2", "P-5");
    assertThat(rows).extracting(r -> new BigDecimal(r.get("total").toString()).intValue()).containsExactly(1, 12, 15);
    assertThat(rows.get(2).get("customer_name")).isEqualTo("Cyd");
    // written again (as a retry does), the batch is prepared anew and lands the same
    assertThat(sink.write(first)).isEqualTo(WriteResult.all(2));
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void anUnknownFieldRejectsTheRecordUnlessTheSystemIgnoresThem() throws Exception {
    List<Map<String, Object>> records = List.of(order("C-1", "Ada", 1L), record("order_id", "C-2", "customer_nmae", "Bob"));

    WriteResult strict = sink(Target.Write.UPSERT).write(batch(records));
    assertThat(strict.rejected()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(1);
      assertThat(r.reason()).contains("customer_nmae").contains("not a column");
    });

    execute("UPDATE " + orders + " SET customer_name = 'x'");
    WriteResult lenient = sink(Map.of("ignore_unknown_columns", true), orders, Target.Write.UPSERT)
        .write(batch(List.of(record("order_id", "C-1", "customer_name", "Ada", "customer_nmae", "Bob", "qty", 5L))));
    assertThat(lenient).isEqualTo(WriteResult.all(1));
    assertThat(((Number) rows("SELECT qty FROM " + orders + " WHERE order_id = 'C-1'").get(0).get("qty")).intValue()).isEqualTo(5);
  }

  @Test
  void namesThatAreNotIdentifiersAreRefused() {
    assertThatThrownBy(() -> sink(Map.of(), orders + "; drop table x", Target.Write.INSERT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid table");
    assertThatThrownBy(() -> sink(Map.of(), orders, Target.Write.UPSERT, "order_id\" = 1 --"))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> source(Optional.of("orders where 1=1"), Optional.empty(), Optional.empty()))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void aMissingTableIsAConfigErrorNamingTheTableAndDatabase() {
    assertThatThrownBy(() -> sink(Map.of(), "weft_no_such_table", Target.Write.INSERT))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).userMessage())
            .startsWith("table weft_no_such_table does not exist in jdbc:")
            .doesNotContain("password"));
  }

  @Test
  void aMissingCursorOrKeyColumnIsAConfigError() {
    assertThatThrownBy(() -> source(Optional.of(orders), Optional.empty(), Optional.of("updated_on")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("updated_on");
    assertThatThrownBy(() -> sink(Map.of(), orders, Target.Write.UPDATE, "order_no"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("order_no");
  }

  protected void insertEvents(String table) throws SQLException {
    // cursor ties: 3 rows at t2, 2 at t3
    String[][] rows = {{"1", "2026-01-01T10:00:00Z"}, {"2", "2026-01-01T11:00:00Z"}, {"3", "2026-01-01T11:00:00Z"},
        {"4", "2026-01-01T11:00:00Z"}, {"5", "2026-01-01T12:00:00Z"}, {"6", "2026-01-01T12:00:00Z"}, {"7", "2026-01-01T13:00:00Z"}};
    for (String[] r : rows) execute("INSERT INTO " + table + " (id, updated_at, name) VALUES (" + r[0] + ", " + timestampLiteral(r[1]) + ", 'n" + r[0] + "')");
  }

  protected String timestampLiteral(String iso) {
    return "TIMESTAMP WITH TIME ZONE '" + iso.replace('T', ' ').replace("Z", "+00:00") + "'";
  }

  private List<Object> ids(List<SourceRecord> records) {
    return records.stream().map(r -> ((Number) lower(r.value()).get("id")).longValue()).map(Object.class::cast).toList();
  }

  /** Reads two records at a time; after the second batch a new source resumes from the checkpoint. */
  private List<Object> readResumedMidway(SourceFactory factory) throws Exception {
    List<Object> ids = new ArrayList<>();
    Source first = factory.open();
    Batch one = first.read(Checkpoint.START, 2);
    Batch two = first.read(one.after(), 2);
    ids.addAll(ids(one.records()));
    ids.addAll(ids(two.records()));
    first.close();
    Source second = factory.open();
    Checkpoint at = two.after();
    for (int guard = 0; guard < 20; guard++) {
      Batch b = second.read(at, 2);
      ids.addAll(ids(b.records()));
      at = b.after();
      if (b.done()) break;
    }
    Batch again = second.read(at, 2);
    assertThat(again.records()).isEmpty();
    assertThat(again.done()).isTrue();
    return ids;
  }

  interface SourceFactory {
    Source open() throws ConnectorException;
  }

  @Test
  void anIncrementalTableReadResumesAmidTiesWithoutSkipsOrRepeats() throws Exception {
    String events = orders + "_ev";
    execute("CREATE TABLE " + events + " (id INTEGER PRIMARY KEY, updated_at " + timestampType() + ", name VARCHAR(10))");
    try {
      insertEvents(events);
      assertThat(readResumedMidway(() -> source(Optional.of(events), Optional.empty(), Optional.of("updated_at"))))
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    } finally {
      execute("DROP TABLE " + events);
    }
  }

  @Test
  void anIncrementalTableWithoutKeyEndsBatchesWhereTheCursorChanges() throws Exception {
    String events = orders + "_nk";
    execute("CREATE TABLE " + events + " (id INTEGER, updated_at " + timestampType() + ", name VARCHAR(10))");
    try {
      insertEvents(events);
      List<Object> ids = readResumedMidway(() -> source(Optional.of(events), Optional.empty(), Optional.of("updated_at")));
      assertThat(ids).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    } finally {
      execute("DROP TABLE " + events);
    }
  }

  @Test
  void aQueryWithCursorResumesAmidTiesAndPicksUpNewRows() throws Exception {
    String events = orders + "_q";
    execute("CREATE TABLE " + events + " (id INTEGER PRIMARY KEY, updated_at " + timestampType() + ", name VARCHAR(10))");
    try {
      insertEvents(events);
      String sql = "SELECT id, updated_at, name FROM " + events + " WHERE updated_at > :cursor AND name <> ':cursor'";
      SourceFactory factory = () -> source(Optional.empty(), Optional.of(sql), Optional.of("updated_at"));
      assertThat(readResumedMidway(factory)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);

      Source source = factory.open();
      Checkpoint end = Checkpoint.START;
      for (Batch b = source.read(end, 100); ; b = source.read(end, 100)) {
        end = b.after();
        if (b.done()) break;
      }
      execute("INSERT INTO " + events + " (id, updated_at, name) VALUES (8, " + timestampLiteral("2026-01-02T09:00:00Z") + ", 'n8')");
      Batch fresh = factory.open().read(end, 100);
      assertThat(ids(fresh.records())).containsExactly(8L);
    } finally {
      execute("DROP TABLE " + events);
    }
  }

  @Test
  void aFullReadCountsRowsAsItsCheckpoint() throws Exception {
    sink(Target.Write.INSERT).write(batch(List.of(order("D-1", "a", 1L), order("D-2", "b", 2L), order("D-3", "c", 3L))));
    Source source = source(Optional.of(orders), Optional.empty(), Optional.empty());

    Batch first = source.read(Checkpoint.START, 2);
    Batch rest = source.read(first.after(), 2);

    assertThat(first.records()).extracting(r -> lower(r.value()).get("order_id")).containsExactly("D-1", "D-2");
    assertThat(first.done()).isFalse();
    assertThat(first.after().token()).isEqualTo("{\"rows\":2}");
    assertThat(rest.records()).extracting(r -> lower(r.value()).get("order_id")).containsExactly("D-3");
    assertThat(rest.done()).isTrue();
    Batch resumed = source(Optional.of(orders), Optional.empty(), Optional.empty()).read(first.after(), 10);
    assertThat(resumed.records()).singleElement().satisfies(r -> assertThat(r.position()).isEqualToIgnoringCase(orders + ":D-3"));
  }

  @Test
  void aLostConnectionIsTransientAndTheNextWriteReconnects() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(sessionIdSql().isPresent(), "an embedded database has no connection to lose");
    JdbcSink sink = (JdbcSink) sink(Target.Write.UPSERT);
    sink.write(batch(List.of(order("E-1", "a", 1L))));
    Connection held = sink.heldConnection();
    String session;
    try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery(sessionIdSql().get())) {
      rs.next();
      session = rs.getString(1);
    }
    held.commit();
    execute(killSql(session));

    assertThatThrownBy(() -> sink.write(batch(List.of(order("E-2", "b", 2L)))))
        .isInstanceOf(TransientException.class);
    assertThat(sink.write(batch(List.of(order("E-2", "b", 2L))))).isEqualTo(WriteResult.all(1));
    assertThat(count()).isEqualTo(2);
  }

  static Connection connect(String url, String user, String password) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
