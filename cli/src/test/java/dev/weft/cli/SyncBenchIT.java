package dev.weft.cli;

import static dev.weft.cli.SyncIT.execute;
import static dev.weft.cli.SyncIT.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.Connectors;
import dev.weft.engine.FlowRunner;
import dev.weft.engine.ProgressListener;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.SyncSummary;
import dev.weft.model.Spec;
import dev.weft.spec.SpecLoader;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How long a sync of 100,000 paired records takes when 1% changed on each side, between two
 * PostgreSQL tables, with the state store on PostgreSQL too. Prints the times; asserts only what
 * the runs did. Runs only when asked:
 *
 * <pre>./mvnw -pl cli -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SyncBenchIT -Dweft.syncBench=true</pre>
 *
 * {@code -Dweft.syncBench.rows=N} changes the size (default 100,000).
 */
class SyncBenchIT {
  private static final String A = "syncengine_bench_a";
  private static final String B = "syncengine_bench_b";

  @Test
  void a_hundred_thousand_paired_records_with_one_percent_changed_on_each_side() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("weft.syncBench"), "the sync benchmark runs with -Dweft.syncBench=true");
    Services.POSTGRESQL.require();
    int rows = Integer.getInteger("weft.syncBench.rows", 100_000);
    String schema = "syncengine_bench_state_" + Long.toHexString(System.nanoTime());
    try (Connection pg = DriverManager.getConnection(SyncIT.PG, "postgres", "");
        Store store = Store.open(Services.POSTGRESQL.url() + "&currentSchema=" + schema)) {
      create(pg, rows);
      Spec spec = spec("ignore");
      FlowRunner runner = new FlowRunner(store, Connectors.discovered());

      RunResult first = timed("first run: pairs " + rows + " records by email", runner, spec);
      assertThat(first.sync().orElseThrow().written()).isZero();
      assertThat(store.idMap().count("default", "bench")).isEqualTo(rows);

      RunResult quiet = timed("a run with nothing changed", runner, spec);
      assertThat(quiet.sync().orElseThrow().written()).isZero();

      execute(pg, "UPDATE " + A + " SET phone = phone || '-a' WHERE id % 100 = 1");
      execute(pg, "UPDATE " + B + " SET full_name = full_name || 'son' WHERE customer_id % 100 = 51");
      RunResult changed = timed("1% changed on each side", runner, spec);
      SyncSummary s = changed.sync().orElseThrow();
      assertThat(s.b().updated()).isEqualTo(rows / 100);
      assertThat(s.a().updated()).isEqualTo(rows / 100);
      assertThat(value(pg, "SELECT COUNT(*) FROM " + B + " WHERE phone LIKE '%-a'")).isEqualTo(String.valueOf(rows / 100));

      RunResult after = timed("the run after (reads back its own writes: echoes)", runner, spec);
      assertThat(after.sync().orElseThrow().written()).isZero();

      execute(pg, "UPDATE " + A + " SET phone = phone || '-p' WHERE id % 100 = 2");
      execute(pg, "UPDATE " + B + " SET full_name = full_name || 'sen' WHERE customer_id % 100 = 52");
      execute(pg, "DELETE FROM " + A + " WHERE id % 1000 = 3");
      RunResult full = timed("deletes: propagate (both read in full), 1% changed, 0.1% deleted", runner, spec("propagate"));
      assertThat(full.sync().orElseThrow().b().deleted()).isEqualTo(rows / 1000);
      assertThat(full.sync().orElseThrow().b().updated()).isEqualTo(rows / 100);
    } finally {
      try (Connection pg = DriverManager.getConnection(SyncIT.PG, "postgres", "")) {
        for (String t : new String[] {A, B}) {
          execute(pg, "DROP TABLE IF EXISTS " + t);
          execute(pg, "DROP FUNCTION IF EXISTS " + t + "_touch() CASCADE");
        }
        execute(pg, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private static RunResult timed(String what, FlowRunner runner, Spec spec) throws Exception {
    long start = System.nanoTime();
    RunResult result = runner.run(RunRequest.of(spec, "bench"), ProgressListener.none());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(result.status()).as("run: %s", result.failure()).isEqualTo(RunStatus.SUCCEEDED);
    SyncSummary s = result.sync().orElseThrow();
    System.out.printf(Locale.ROOT, "sync bench: %-55s %7.2f s  (read %d + %d, written %d + %d)%n", what, seconds, s.a().read(),
        s.b().read(), s.a().written(), s.b().written());
    return result;
  }

  private static void create(Connection pg, int rows) throws Exception {
    for (String t : new String[] {A, B}) {
      execute(pg, "DROP TABLE IF EXISTS " + t);
      execute(pg, "DROP FUNCTION IF EXISTS " + t + "_touch() CASCADE");
    }
    execute(pg, "CREATE TABLE " + A + " (id BIGSERIAL PRIMARY KEY, email VARCHAR(100), first_name VARCHAR(100),"
        + " last_name VARCHAR(100), phone VARCHAR(40), updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
    execute(pg, "CREATE TABLE " + B + " (customer_id BIGSERIAL PRIMARY KEY, email VARCHAR(100), full_name VARCHAR(200),"
        + " phone VARCHAR(40), modified_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
    touch(pg, A, "updated_at");
    touch(pg, B, "modified_at");
    execute(pg, "INSERT INTO " + A + " (email, first_name, last_name, phone) SELECT 'p' || i || '@example.com', 'First' || i,"
        + " 'Last' || i, '+49 30 ' || i FROM generate_series(1, " + rows + ") i");
    execute(pg, "INSERT INTO " + B + " (email, full_name, phone) SELECT 'p' || i || '@example.com', 'First' || i || ' Last' || i,"
        + " '+49 30 ' || i FROM generate_series(1, " + rows + ") i");
    execute(pg, "CREATE INDEX ON " + A + " (updated_at, id)");
    execute(pg, "CREATE INDEX ON " + B + " (modified_at, customer_id)");
    execute(pg, "ANALYZE " + A);
    execute(pg, "ANALYZE " + B);
  }

  private static void touch(Connection pg, String table, String column) throws Exception {
    execute(pg, "CREATE OR REPLACE FUNCTION " + table + "_touch() RETURNS trigger AS $$ BEGIN NEW." + column
        + " = clock_timestamp(); RETURN NEW; END $$ LANGUAGE plpgsql");
    execute(pg, "CREATE TRIGGER " + table + "_touch BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + table + "_touch()");
  }

  private static Spec spec(String deletes) {
    String yaml = """
        weft: 1
        id: sync-bench
        name: Sync benchmark
        systems:
          left: { connection: datastore, url: "%1$s", auth: { method: password, username: postgres, password: "" } }
          right: { connection: datastore, url: "%1$s", auth: { method: password, username: postgres, password: "" } }
        flows:
          - id: bench
            sync:
              a: { system: left, table: %2$s, id: id, updated: updated_at }
              b: { system: right, table: %3$s, id: customer_id, updated: modified_at }
              match: [email, email]
              a_to_b:
                - { from: email, to: email }
                - { from: [first_name, last_name], to: full_name, do: concat, with: " " }
                - { from: phone, to: phone }
              b_to_a:
                - { from: email, to: email }
                - { from: full_name, to: [first_name, last_name], do: split, on: " ", limit: 2 }
                - { from: phone, to: phone }
              conflict: newest
              deletes: %4$s
        """.formatted(SyncIT.PG, A, B, deletes);
    return SpecLoader.load("sync-bench.yaml", yaml).spec().orElseThrow();
  }
}
