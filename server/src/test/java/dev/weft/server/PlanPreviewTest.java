package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/instances/{id}/flows/{flow}/plan: the plan of an instance's flow, for its own customer only, writing nothing. */
class PlanPreviewTest {
  @TempDir Path dir;
  private final String suffix = Long.toHexString(System.nanoTime());
  private final String source = "plan_src_" + suffix;
  private final String copy = "plan_dst_" + suffix;
  private Fixture f;

  private Connection target() throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("target"));
  }

  @BeforeEach
  void start() throws Exception {
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + source + " (\"order_id\" VARCHAR(40) PRIMARY KEY, \"total\" DECIMAL(12,2))");
      s.execute("CREATE TABLE " + copy + " (order_id VARCHAR(40) PRIMARY KEY, total DECIMAL(12,2))");
      s.execute("INSERT INTO " + source + " VALUES ('c-1', 1.50), ('c-2', 2.50), ('c-3', 3.00)");
      s.execute("INSERT INTO " + copy + " VALUES ('c-1', 1.5), ('c-2', 9.99)");
    }
    f = new Fixture(dir, "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0",
        Fixture.spec("jdbc:h2:file:" + dir.resolve("target"), "{ method: none, scope: system }", "plan_hooks_" + suffix, source, copy));
    for (String[] instance : List.of(new String[] {"acme-etl", "acme"}, new String[] {"globex-etl", "globex"})) {
      Fixture.Response created = f.call("POST", "/api/instances", Fixture.ADMIN, Json.write(Map.of("id", instance[0], "customer", instance[1],
          "integration", "shop-hooks", "plan", "pro", "environment", "test", "config", Map.of("shop_key", "k", "webhook_secret", "w"))));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
  }

  @AfterEach
  void stop() {
    if (f != null) f.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void answersThePlanToItsCustomerAndWritesNothing() throws Exception {
    String acme = String.valueOf(f.call("POST", "/api/tokens", Fixture.ADMIN, "{\"customer\": \"acme\"}").json().get("token"));

    Fixture.Response r = f.call("GET", "/api/instances/acme-etl/flows/copy/plan?limit=1", acme, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, Object> target = ((List<Map<String, Object>>) r.json().get("targets")).get(0);
    assertThat(List.of("creates", "updates", "deletes", "unchanged", "changes_omitted"))
        .extracting(k -> ((Number) target.get(k)).longValue()).containsExactly(1L, 1L, 0L, 1L, 1L);
    assertThat((List<Map<String, Object>>) target.get("changes")).singleElement()
        .satisfies(c -> assertThat(c).containsEntry("kind", "update").containsEntry("key", "c-2"));

    assertThat(f.call("GET", "/api/instances/globex-etl/flows/copy/plan", acme, null).status()).isEqualTo(404);
    assertThat(f.call("GET", "/api/instances/acme-etl/flows/copy/plan?limit=lots", acme, null).status()).isEqualTo(422);
    assertThat(f.call("GET", "/api/instances/acme-etl/flows/nope/plan", acme, null).status()).isEqualTo(404);

    try (Connection c = target(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*), SUM(total) FROM " + copy)) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(2);
      assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("11.49");
    }
    assertThat(f.call("GET", "/api/runs?instance=acme-etl", Fixture.ADMIN, null).body()).isEqualTo("[]");
  }
}
