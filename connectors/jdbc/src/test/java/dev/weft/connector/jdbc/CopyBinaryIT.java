package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testkit.Services;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The binary COPY form stores exactly what the text form stores: the same rows copied both ways
 * into twin tables of PostgreSQL read back the same, column by column.
 */
class CopyBinaryIT {
  private static final String COLUMNS =
      "id int8, i2 int2, i4 int4, i8 int8, n numeric, n2 numeric(12,2), f8 float8, b bool, tx text, vc varchar(20),"
          + " bp char(5), js json, jb jsonb, by bytea, u uuid, d date, tm time, ts timestamp, tz timestamptz";
  private static final List<Column> SHAPE = List.of(
      column("i2", "int2"), column("i4", "int4"), column("i8", "int8"), column("n", "numeric"), column("n2", "numeric"),
      column("f8", "float8"), column("b", "bool"), column("tx", "text"), column("vc", "varchar"), column("bp", "bpchar"),
      column("js", "json"), column("jb", "jsonb"), column("by", "bytea"), column("u", "uuid"), column("d", "date"),
      column("tm", "time"), column("ts", "timestamp"), column("tz", "timestamptz"));

  private static Connection db;

  @BeforeAll
  static void connect() throws Exception {
    Services.POSTGRESQL.require();
    db = DatabaseContract.connect(PostgresIT.URL, "postgres", "");
    db.setAutoCommit(true);
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS copy_binary_it, copy_text_it");
      s.execute("CREATE TABLE copy_binary_it (" + COLUMNS + ")");
      s.execute("CREATE TABLE copy_text_it (" + COLUMNS + ")");
    }
  }

  @AfterAll
  static void drop() throws Exception {
    if (db == null) return;
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS copy_binary_it, copy_text_it");
    }
    db.close();
  }

  private static Column column(String name, String type) {
    return new Column(name, java.sql.Types.OTHER, type, 0, true);
  }

  @Test
  void everyTypeReadsBackAsTheTextFormWroteIt() throws Exception {
    CopyBinary.Codec[] codecs = CopyBinary.codecs(SHAPE).orElseThrow();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList(new Object[SHAPE.size()])); // all null
    rows.add(List.of(-32768L, Long.valueOf(Integer.MIN_VALUE), Long.MIN_VALUE, new BigDecimal("0"), new BigDecimal("0.00"),
        -0.0, true, "", "", "", "{}", "{}", new byte[0], new UUID(0, 0), LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT,
        LocalDateTime.of(1, 1, 1, 0, 0), OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-12))));
    rows.add(List.of(32767L, Long.valueOf(Integer.MAX_VALUE), Long.MAX_VALUE, new BigDecimal("-123456789012345678901234567890.0000000001"),
        new BigDecimal("-9999999999.99"), Double.MAX_VALUE, false, "tab\tnew\nline back\\slash ünï 😀", "x".repeat(20), "ab",
        "[1, \"é\"]", "{\"a\": [1, 2.50]}", new byte[] {0, (byte) 0xFF, '\\', '\n'}, UUID.randomUUID(), LocalDate.of(9999, 12, 31),
        LocalTime.of(23, 59, 59, 999_999_000), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
        OffsetDateTime.of(2026, 11, 28, 5, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45))));
    Random random = new Random(20261128);
    for (int i = 0; i < 2_000; i++) rows.add(randomRow(random));

    copy("copy_binary_it", rows, codecs);
    copy("copy_text_it", rows, null);

    List<String> binary = readBack("copy_binary_it");
    List<String> text = readBack("copy_text_it");
    assertThat(binary).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) assertThat(binary.get(i)).as("row %d: %s", i, rows.get(i)).isEqualTo(text.get(i));
  }

  @Test
  void valuesWithoutAnExactBinaryFormAreRefusedSoTheBatchGoesAsText() {
    CopyBinary.Codec[] int4 = CopyBinary.codecs(List.of(column("i4", "int4"))).orElseThrow();
    CopyBinary.Codec[] tz = CopyBinary.codecs(List.of(column("tz", "timestamptz"))).orElseThrow();
    CopyBinary.Codec[] date = CopyBinary.codecs(List.of(column("d", "date"))).orElseThrow();
    CopyBinary.Chunks out = new CopyBinary.Chunks(1 << 16);
    assertThat(CopyBinary.append(out, int4, List.of(1L << 31), -1)).isFalse();
    assertThat(CopyBinary.append(out, int4, List.of("12"), -1)).isFalse();
    assertThat(CopyBinary.append(out, tz, List.of(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 1, ZoneOffset.UTC)), -1)).isFalse();
    assertThat(CopyBinary.append(out, date, List.of(LocalDate.of(10_000, 1, 1)), -1)).isFalse();
    assertThat(CopyBinary.append(out, tz, List.of(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(17))), -1)).isFalse();
    assertThat(CopyBinary.append(out, int4, List.of(7L), -1)).isTrue();
    assertThat(CopyBinary.codecs(List.of(column("f", "float4")))).isEmpty();
    assertThat(CopyBinary.codecs(List.of(column("i", "int4"), column("state", "mood")))).isEmpty();
  }

  private static List<Object> randomRow(Random r) {
    List<Object> row = new ArrayList<>();
    row.add(r.nextBoolean() ? null : (long) (short) r.nextInt());
    row.add((long) r.nextInt());
    row.add(r.nextLong() >> r.nextInt(64));
    row.add(randomDecimal(r, 40, 30));
    row.add(new BigDecimal(BigInteger.valueOf(r.nextLong() % 1_000_000_000_000L), 2));
    row.add(r.nextInt(10) == 0 ? Double.NaN : r.nextDouble() * Math.pow(10, r.nextInt(40) - 20) * (r.nextBoolean() ? 1 : -1));
    row.add(r.nextBoolean());
    row.add(randomText(r, 30));
    row.add(randomText(r, 20));
    row.add(randomText(r, 5).strip());
    row.add("{\"k\": " + r.nextInt() + "}");
    row.add("[\"" + randomText(r, 6).replaceAll("[\\t\\n\\\\\"]", "") + "\"]");
    byte[] bytes = new byte[r.nextInt(12)];
    r.nextBytes(bytes);
    row.add(bytes);
    row.add(new UUID(r.nextLong(), r.nextLong()));
    row.add(LocalDate.ofEpochDay(r.nextLong(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())));
    row.add(LocalTime.ofNanoOfDay(r.nextLong(86_400_000_000L) * 1000));
    LocalDateTime local = LocalDateTime.ofEpochSecond(r.nextLong(-62_000_000_000L, 253_000_000_000L), r.nextInt(1_000_000) * 1000, ZoneOffset.UTC);
    row.add(local);
    row.add(local.atOffset(ZoneOffset.ofTotalSeconds(r.nextInt(-16 * 60 + 1, 16 * 60) * 60)));
    return row;
  }

  private static BigDecimal randomDecimal(Random r, int maxDigits, int maxScale) {
    StringBuilder digits = new StringBuilder();
    int n = 1 + r.nextInt(maxDigits);
    for (int i = 0; i < n; i++) digits.append(r.nextInt(10));
    BigInteger unscaled = new BigInteger(digits.toString());
    if (r.nextBoolean()) unscaled = unscaled.negate();
    return new BigDecimal(unscaled, r.nextInt(-5, maxScale));
  }

  private static String randomText(Random r, int max) {
    String alphabet = "abcXYZ 09\t\n\\,\"'é😀漢";
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max);
    while (s.codePointCount(0, s.length()) < n) s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    return s.toString();
  }

  private static void copy(String table, List<List<Object>> rows, CopyBinary.Codec[] codecs) throws Exception {
    List<byte[]> chunks;
    if (codecs != null) {
      CopyBinary.Chunks out = new CopyBinary.Chunks(1 << 12);
      for (int i = 0; i < rows.size(); i++)
        assertThat(CopyBinary.append(out, codecs, rows.get(i), i)).as("row %d has a binary form: %s", i, rows.get(i)).isTrue();
      chunks = out.finish();
    } else {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < rows.size(); i++) PostgresCopyWriter.CopyText.appendRow(text, rows.get(i), i);
      chunks = List.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    List<String> names = new ArrayList<>(SHAPE.stream().map(Column::name).toList());
    names.add("id");
    CopyIn in = db.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + table + " (" + String.join(", ", names) + ") FROM STDIN" + (codecs != null ? " (FORMAT binary)" : ""));
    for (byte[] chunk : chunks) in.writeToCopy(chunk, 0, chunk.length);
    in.endCopy();
  }

  private static List<String> readBack(String table) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY id")) {
      while (rs.next()) rows.add(rs.getString(1));
    }
    return rows;
  }
}
