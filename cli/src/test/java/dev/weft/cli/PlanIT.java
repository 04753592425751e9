package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.testkit.Services;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * weft plan against PostgreSQL: the plan names what a run would change field by field and writes
 * nothing; the run then makes exactly those changes; a plan after the run finds nothing to change.
 */
class PlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String table = "plan_it_" + Long.toHexString(System.nanoTime());
  private final String stateSchema = "plan_state_" + Long.toHexString(System.nanoTime());
  @TempDir Path dir;
  private Path spec;
  private Path payload;

  @BeforeEach
  void setUp() throws Exception {
    Services.POSTGRESQL.require();
    sql("CREATE TABLE " + table + " (order_id VARCHAR(20) PRIMARY KEY, customer_name VARCHAR(80), weight_kg NUMERIC(12,3),"
        + " placed_at TIMESTAMPTZ, paid BOOLEAN)");
    sql("INSERT INTO " + table + " VALUES ('A-1', 'Ada Lovelace', 4.536, '2026-03-01 10:00:00+00', true),"
        + " ('A-2', 'Grace Hopper', 1.000, '2026-03-01 11:00:00+00', false)");
    spec = Files.writeString(dir.resolve("plan-it.yaml"), """
        weft: 1
        id: plan-it
        name: Orders planned, then run
        systems:
          shop: { connection: api, url: "https://shop.example", auth: { method: none } }
          db: { connection: datastore, url: "%s", auth: { method: none } }
        flows:
          - id: orders
            trigger: { webhook: { path: orders } }
            source: { system: shop }
            map:
              - { from: id, to: order_id }
              - { from: [first, last], to: customer_name, do: concat, with: " " }
              - { from: weight_lb, to: weight_kg, do: convert, unit: lb -> kg, round: 3 }
              - { from: placed, to: placed_at }
              - { from: paid, to: paid }
            target: { system: db, table: %s, write: upsert, key: order_id }
        """.formatted(Services.POSTGRESQL.url(), table));
    // A-1 as stored (written differently), A-2 heavier and paid, A-3 new, A-4 not a weight
    payload = Files.writeString(dir.resolve("orders.json"), """
        [
          {"id": "A-1", "first": "Ada", "last": "Lovelace", "weight_lb": "10", "placed": "2026-03-01T11:00:00+01:00", "paid": "true"},
          {"id": "A-2", "first": "Grace", "last": "Hopper", "weight_lb": 10, "placed": "2026-03-01T11:00:00Z", "paid": true},
          {"id": "A-3", "first": "Alan", "last": "Turing", "weight_lb": 2.5, "placed": "2026-03-02T09:30:00Z", "paid": false},
          {"id": "A-4", "first": "Bad", "last": "Weight", "weight_lb": "ten", "placed": "2026-03-02T09:30:00Z", "paid": false}
        ]
        """);
  }

  @AfterEach
  void tearDown() throws SQLException {
    sql("DROP TABLE IF EXISTS " + table);
    sql("DROP SCHEMA IF EXISTS " + stateSchema + " CASCADE");
  }

  private String[] args(String command, boolean json) {
    var list = new java.util.ArrayList<>(java.util.List.of(command, spec.toString(), "--flow", "orders", "--input", payload.toString(),
        "--state", Services.POSTGRESQL.url() + "&currentSchema=" + stateSchema));
    if (json) list.add("--json");
    return list.toArray(String[]::new);
  }

  @Test
  void planNamesTheChangesRunMakesExactlyThoseAndAPlanAfterwardsFindsNone() throws Exception {
    InProcessWeft.Outcome planned = InProcessWeft.run(args("plan", true));
    assertThat(planned.status()).as(planned.err()).isZero();
    JsonNode target = JSON.readTree(planned.out()).get("targets").get(0);
    assertThat(target.get("target").asText()).isEqualTo("db." + table);
    assertThat(counts(target)).containsExactly(1L, 1L, 0L, 1L);
    assertThat(target.get("rejected")).hasSize(1);
    assertThat(target.get("rejected").get(0).get("reason").asText()).contains("ten");

    JsonNode update = change(target, "update");
    assertThat(update.get("key").asText()).isEqualTo("A-2");
    Map<String, JsonNode[]> fields = fields(update);
    assertThat(fields.keySet()).containsExactlyInAnyOrder("weight_kg", "paid");
    assertThat(fields.get("weight_kg")[0].decimalValue()).isEqualByComparingTo("1.000");
    assertThat(fields.get("weight_kg")[1].decimalValue()).isEqualByComparingTo("4.536");
    assertThat(fields.get("paid")[0].asBoolean()).isFalse();
    assertThat(fields.get("paid")[1].asBoolean()).isTrue();
    JsonNode create = change(target, "create");
    assertThat(create.get("key").asText()).isEqualTo("A-3");
    Map<String, JsonNode[]> created = fields(create);

    // nothing written: the table as it was, no run recorded
    assertThat(weightOf("A-2")).isEqualByComparingTo("1.000");
    assertThat(longOf("SELECT COUNT(*) FROM " + table)).isEqualTo(2);
    assertThat(runsRecorded()).isZero();

    InProcessWeft.Outcome text = InProcessWeft.run(args("plan", false));
    assertThat(text.out()).contains("db." + table + ": 1 to create, 1 to update, 0 to delete, 1 unchanged, 1 rejected")
        .contains("~ update A-2").contains("weight_kg: 1.000 -> 4.536").contains("+ create A-3")
        .contains("customer_name: \"Alan Turing\"").doesNotContain("\u001b[");

    InProcessWeft.Outcome ran = InProcessWeft.run(args("run", true));
    assertThat(ran.status()).as(ran.err()).isZero();
    assertThat(weightOf("A-2")).isEqualByComparingTo(fields.get("weight_kg")[1].decimalValue());
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT customer_name, weight_kg, placed_at, paid FROM " + table + " WHERE order_id = 'A-3'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo(created.get("customer_name")[1].asText());
      assertThat(r.getBigDecimal(2)).isEqualByComparingTo(created.get("weight_kg")[1].decimalValue());
      assertThat(r.getObject(3, OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse(created.get("placed_at")[1].asText()));
      assertThat(r.getBoolean(4)).isEqualTo(created.get("paid")[1].asBoolean());
    }
    assertThat(longOf("SELECT COUNT(*) FROM " + table)).isEqualTo(3);

    InProcessWeft.Outcome again = InProcessWeft.run(args("plan", true));
    JsonNode after = JSON.readTree(again.out()).get("targets").get(0);
    assertThat(counts(after)).containsExactly(0L, 0L, 0L, 3L);
    assertThat(after.get("changes")).isEmpty();
  }

  @Test
  void aLimitKeepsTheCountsAndSaysHowManyMore() throws Exception {
    var limited = new java.util.ArrayList<>(java.util.List.of(args("plan", false)));
    limited.addAll(java.util.List.of("--limit", "1"));
    InProcessWeft.Outcome text = InProcessWeft.run(limited.toArray(String[]::new));
    assertThat(text.status()).isZero();
    assertThat(text.out()).contains("1 to create, 1 to update").contains("… and 1 more change");
  }

  private static java.util.List<Long> counts(JsonNode target) {
    return java.util.List.of(target.get("creates").asLong(), target.get("updates").asLong(), target.get("deletes").asLong(),
        target.get("unchanged").asLong());
  }

  private static JsonNode change(JsonNode target, String kind) {
    for (JsonNode c : target.get("changes")) if (c.get("kind").asText().equals(kind)) return c;
    throw new AssertionError("no " + kind + " in " + target);
  }

  private static Map<String, JsonNode[]> fields(JsonNode change) {
    Map<String, JsonNode[]> out = new HashMap<>();
    for (JsonNode f : change.get("fields")) out.put(f.get("field").asText(), new JsonNode[] {f.get("before"), f.get("after")});
    return out;
  }

  private BigDecimal weightOf(String id) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT weight_kg FROM " + table + " WHERE order_id = '" + id + "'")) {
      r.next();
      return r.getBigDecimal(1);
    }
  }

  private long runsRecorded() throws SQLException {
    try {
      return longOf("SELECT COUNT(*) FROM " + stateSchema + ".runs");
    } catch (SQLException e) {
      return 0; // the state was never migrated: no run either
    }
  }

  private long longOf(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(Services.POSTGRESQL.url());
  }
}
