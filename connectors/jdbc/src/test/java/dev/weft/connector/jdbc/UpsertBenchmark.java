package dev.weft.connector.jdbc;

import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.WriteResult;
import dev.weft.model.Auth;
import dev.weft.model.Target;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Not a test: upserts generated order rows into PostgreSQL through {@link JdbcSink} in batches
 * of 5,000, then does the same by hand (COPY of a CSV file into a staging table, one INSERT ...
 * ON CONFLICT DO UPDATE), and prints rows per second for both. Each is run twice: into an empty
 * table (all inserts) and again (all updates).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) dev.weft.connector.jdbc.UpsertBenchmark [rows]</pre>
 */
public final class UpsertBenchmark {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final int BATCH = 5_000;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String table = "weft_bench_" + Long.toHexString(System.nanoTime());
    try (Connection admin = DriverManager.getConnection(URL, "postgres", "")) {
      create(admin, table);
      create(admin, table + "_hand");
      try {
        for (String pass : List.of("empty table", "second pass (updates)")) {
          double weft = weft(table, rows);
          double hand = byHand(admin, table + "_hand", rows);
          System.out.printf("%-22s weft %,10.0f rows/s   COPY+upsert by hand %,10.0f rows/s   ratio %.2f%n",
              pass, rows / weft, rows / hand, weft / hand);
        }
      } finally {
        try (Statement s = admin.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + table);
          s.execute("DROP TABLE IF EXISTS " + table + "_hand");
        }
      }
    }
  }

  private static void create(Connection admin, String table) throws Exception {
    try (Statement s = admin.createStatement()) {
      s.execute("CREATE TABLE " + table + " (order_id text PRIMARY KEY, customer_name text, email text,"
          + " weight_kg numeric(12,3), total numeric(12,2), currency text, created_at timestamptz)");
    }
  }

  /** One record as a CSV source hands it over: every value text. */
  private static Map<String, Object> order(int i, int pass) {
    Map<String, Object> r = new LinkedHashMap<>(14);
    r.put("order_id", "ORD-" + i);
    r.put("customer_name", "Customer " + (i % 9973));
    r.put("email", "customer" + (i % 9973) + "@example.com");
    r.put("weight_kg", (i % 5000) / 100 + "." + String.format("%03d", i % 1000));
    r.put("total", (i % 100000) / 10 + pass + "." + String.format("%02d", i % 100));
    r.put("currency", i % 3 == 0 ? "EUR" : "USD");
    r.put("created_at", "2026-01-" + String.format("%02d", 1 + i % 28) + "T" + String.format("%02d", i % 24) + ":15:30Z");
    return r;
  }

  private static int passes;

  private static double weft(String table, int rows) throws Exception {
    int pass = passes++;
    JdbcConnector connector = new JdbcConnector();
    var system = Fixtures.system(URL, new Auth.Password(Auth.Scope.SYSTEM, "postgres", ""), Map.of());
    long writing = 0;
    long start = System.nanoTime();
    try (Sink sink = connector.openSink(Fixtures.sink(system, table, Target.Write.UPSERT, List.of("order_id")))) {
      for (int from = 0; from < rows; from += BATCH) {
        List<SinkRecord> batch = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(rows, from + BATCH); i++) batch.add(new SinkRecord(order(i, pass), "b" + i));
        long t = System.nanoTime();
        WriteResult result = sink.write(batch);
        writing += System.nanoTime() - t;
        if (!result.rejected().isEmpty()) throw new IllegalStateException(result.rejected().get(0).reason());
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    System.out.printf("  weft: %.2f s in write(), %.2f s with record generation%n", writing / 1e9, total);
    return writing / 1e9;
  }

  private static double byHand(Connection admin, String table, int rows) throws Exception {
    int pass = passes - 1;
    Path csv = Files.createTempFile("weft-bench", ".csv");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        for (int i = 0; i < rows; i++) out.write(String.join(",", order(i, pass).values().stream().map(Object::toString).toList()) + "\n");
      }
      long start = System.nanoTime();
      admin.setAutoCommit(false);
      try (Statement s = admin.createStatement(); Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        s.execute("CREATE TEMP TABLE hand_staging (LIKE " + table + ") ON COMMIT DROP");
        admin.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY hand_staging FROM STDIN (FORMAT csv)", in);
        s.executeUpdate("INSERT INTO " + table + " SELECT * FROM hand_staging ON CONFLICT (order_id) DO UPDATE SET"
            + " customer_name = EXCLUDED.customer_name, email = EXCLUDED.email, weight_kg = EXCLUDED.weight_kg,"
            + " total = EXCLUDED.total, currency = EXCLUDED.currency, created_at = EXCLUDED.created_at");
        admin.commit();
      } finally {
        admin.setAutoCommit(true);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("  by hand: %.2f s%n", seconds);
      return seconds;
    } finally {
      Files.deleteIfExists(csv);
    }
  }
}
