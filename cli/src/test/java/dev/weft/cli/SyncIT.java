package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.Connectors;
import dev.weft.engine.FlowRunner;
import dev.weft.engine.ProgressListener;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.SyncSummary;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import dev.weft.store.SyncConflict;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two-way sync between real tables: people in PostgreSQL (first and last name, updated_at kept by
 * a trigger) and customers in MariaDB (full name, modified_at kept by ON UPDATE), through the
 * discovered JDBC connector and an H2 state store, as {@code weft run} runs it.
 */
class SyncIT {
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String PEOPLE = "syncengine_it_people";
  private static final String CUSTOMERS = "syncengine_it_customers";

  private Store store;
  private Connection pg;
  private Connection maria;

  @BeforeEach
  void setUp() throws SQLException {
    Services.POSTGRESQL.require();
    Services.MARIADB.require();
    store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    pg = DriverManager.getConnection(PG, "postgres", "");
    maria = DriverManager.getConnection(MARIADB, "root", "");
    execute(pg, "DROP TABLE IF EXISTS " + PEOPLE);
    execute(pg, "CREATE TABLE " + PEOPLE + " (id BIGSERIAL PRIMARY KEY, email VARCHAR(100), first_name VARCHAR(100),"
        + " last_name VARCHAR(100), phone VARCHAR(40), updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
    execute(pg, "CREATE OR REPLACE FUNCTION " + PEOPLE + "_touch() RETURNS trigger AS $$ BEGIN NEW.updated_at = clock_timestamp();"
        + " RETURN NEW; END $$ LANGUAGE plpgsql");
    execute(pg, "CREATE TRIGGER " + PEOPLE + "_touch BEFORE UPDATE ON " + PEOPLE + " FOR EACH ROW EXECUTE FUNCTION " + PEOPLE + "_touch()");
    execute(maria, "DROP TABLE IF EXISTS " + CUSTOMERS);
    execute(maria, "CREATE TABLE " + CUSTOMERS + " (customer_id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100),"
        + " full_name VARCHAR(200), phone VARCHAR(40),"
        + " modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6))");
  }

  @AfterEach
  void tearDown() throws SQLException {
    if (pg != null) {
      execute(pg, "DROP TABLE IF EXISTS " + PEOPLE);
      execute(pg, "DROP FUNCTION IF EXISTS " + PEOPLE + "_touch() CASCADE");
      pg.close();
    }
    if (maria != null) {
      execute(maria, "DROP TABLE IF EXISTS " + CUSTOMERS);
      maria.close();
    }
    if (store != null) store.close();
  }

  static Spec spec(String conflict, String deletes) {
    String yaml = """
        weft: 1
        id: people-sync-it
        name: People both ways
        systems:
          people_db: { connection: datastore, url: "%s", auth: { method: password, username: postgres, password: "" } }
          desk_db: { connection: datastore, url: "%s", auth: { method: password, username: root, password: "" } }
        flows:
          - id: people
            sync:
              a: { system: people_db, table: %s, id: id, updated: updated_at }
              b: { system: desk_db, table: %s, id: customer_id, updated: modified_at }
              match: [email, email]
              a_to_b:
                - { from: email, to: email }
                - { from: [first_name, last_name], to: full_name, do: concat, with: " " }
                - { from: phone, to: phone }
              b_to_a:
                - { from: email, to: email }
                - { from: full_name, to: [first_name, last_name], do: split, on: " ", limit: 2 }
                - { from: phone, to: phone }
              conflict: %s
              deletes: %s
        """.formatted(PG, MARIADB, PEOPLE, CUSTOMERS, conflict, deletes);
    LoadResult loaded = SpecLoader.load("people-sync-it.yaml", yaml);
    assertThat(loaded.problems()).as("the test spec validates").filteredOn(p -> p.severity().name().equals("ERROR")).isEmpty();
    return loaded.spec().orElseThrow();
  }

  private RunResult run(Spec spec) throws Exception {
    RunResult result = new FlowRunner(store, Connectors.discovered()).run(RunRequest.of(spec, "people"), ProgressListener.none());
    assertThat(result.status()).as("run: %s", result.failure()).isEqualTo(RunStatus.SUCCEEDED);
    return result;
  }

  private void seed() throws SQLException {
    execute(pg, "INSERT INTO " + PEOPLE + " (email, first_name, last_name, phone) VALUES"
        + " ('ada@example.com', 'Ada', 'Lovelace', '100'), ('alan@example.com', 'Alan', 'Turing', '200')");
    execute(maria, "INSERT INTO " + CUSTOMERS + " (email, full_name, phone) VALUES"
        + " ('ada@example.com', 'Ada Lovelace', '100'), ('grace@example.com', 'Grace Hopper', '300')");
  }

  @ParameterizedTest
  @CsvSource({"newest, 202", "prefer-a, 201", "prefer-b, 202"})
  void tables_pair_on_the_first_run_then_carry_edits_both_ways_and_settle_conflicts(String conflict, String phoneAfterConflict)
      throws Exception {
    Spec spec = spec(conflict, "ignore");
    seed();

    SyncSummary first = run(spec).sync().orElseThrow();

    assertThat(first.a().created()).as("Grace created in PostgreSQL").isEqualTo(1);
    assertThat(first.b().created()).as("Alan created in MariaDB").isEqualTo(1);
    assertThat(first.a().updated() + first.b().updated()).as("Ada was equal on both sides: paired, not written").isZero();
    assertThat(rows(maria, "SELECT email, full_name, phone FROM " + CUSTOMERS + " ORDER BY email")).containsExactly(
        Map.of("email", "ada@example.com", "full_name", "Ada Lovelace", "phone", "100"),
        Map.of("email", "alan@example.com", "full_name", "Alan Turing", "phone", "200"),
        Map.of("email", "grace@example.com", "full_name", "Grace Hopper", "phone", "300"));
    assertThat(rows(pg, "SELECT email, first_name, last_name FROM " + PEOPLE + " WHERE email = 'grace@example.com'"))
        .containsExactly(Map.of("email", "grace@example.com", "first_name", "Grace", "last_name", "Hopper"));
    assertThat(run(spec).sync().orElseThrow().written()).as("a second run writes nothing").isZero();

    execute(pg, "UPDATE " + PEOPLE + " SET phone = '101' WHERE email = 'ada@example.com'");
    execute(maria, "UPDATE " + CUSTOMERS + " SET full_name = 'Grace Brewster' WHERE email = 'grace@example.com'");
    SyncSummary edits = run(spec).sync().orElseThrow();
    assertThat(edits.b().updated()).isEqualTo(1);
    assertThat(edits.a().updated()).isEqualTo(1);
    assertThat(value(maria, "SELECT phone FROM " + CUSTOMERS + " WHERE email = 'ada@example.com'")).isEqualTo("101");
    assertThat(value(pg, "SELECT last_name FROM " + PEOPLE + " WHERE email = 'grace@example.com'")).isEqualTo("Brewster");
    assertThat(run(spec).sync().orElseThrow().written()).as("the echo of those writes is not sent back").isZero();

    execute(pg, "UPDATE " + PEOPLE + " SET phone = '201' WHERE email = 'alan@example.com'");
    execute(maria, "UPDATE " + CUSTOMERS + " SET phone = '202' WHERE email = 'alan@example.com'"); // edited last
    RunResult clash = run(spec);
    assertThat(clash.sync().orElseThrow().conflicts()).isEqualTo(1);
    assertThat(value(pg, "SELECT phone FROM " + PEOPLE + " WHERE email = 'alan@example.com'")).isEqualTo(phoneAfterConflict);
    assertThat(value(maria, "SELECT phone FROM " + CUSTOMERS + " WHERE email = 'alan@example.com'")).isEqualTo(phoneAfterConflict);
    SyncConflict recorded = store.syncHistory().conflictsOf(clash.runId()).get(0);
    assertThat(recorded.aVersion().orElseThrow()).containsEntry("phone", "201");
    assertThat(recorded.bVersion().orElseThrow()).containsEntry("phone", "202");
    assertThat(recorded.outcome()).startsWith(conflict + ":");
    assertThat(run(spec).sync().orElseThrow().written()).isZero();
  }

  @Test
  void deletes_propagate_between_tables_when_the_flow_says_so() throws Exception {
    Spec spec = spec("newest", "propagate");
    seed();
    run(spec);
    execute(maria, "DELETE FROM " + CUSTOMERS + " WHERE email = 'grace@example.com'");
    execute(pg, "DELETE FROM " + PEOPLE + " WHERE email = 'alan@example.com'");

    SyncSummary s = run(spec).sync().orElseThrow();

    assertThat(s.a().deleted()).isEqualTo(1);
    assertThat(s.b().deleted()).isEqualTo(1);
    assertThat(rows(pg, "SELECT email FROM " + PEOPLE)).containsExactly(Map.of("email", "ada@example.com"));
    assertThat(rows(maria, "SELECT email FROM " + CUSTOMERS)).containsExactly(Map.of("email", "ada@example.com"));
    assertThat(run(spec).sync().orElseThrow().written()).isZero();
  }

  @Test
  void deletes_stay_on_their_side_when_ignored() throws Exception {
    Spec spec = spec("newest", "ignore");
    seed();
    run(spec);
    execute(maria, "DELETE FROM " + CUSTOMERS + " WHERE email = 'grace@example.com'");

    assertThat(run(spec).sync().orElseThrow().written()).isZero();
    assertThat(value(pg, "SELECT COUNT(*) FROM " + PEOPLE + " WHERE email = 'grace@example.com'")).isEqualTo("1");
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String value(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
      r.next();
      return r.getString(1);
    }
  }

  static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
      List<Map<String, Object>> out = new java.util.ArrayList<>();
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) row.put(r.getMetaData().getColumnLabel(i).toLowerCase(), r.getString(i));
        out.add(row);
      }
      return out;
    }
  }
}
