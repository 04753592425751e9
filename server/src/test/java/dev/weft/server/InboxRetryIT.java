package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.testkit.Services;
import dev.weft.testkit.TcpProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks whose runs fail are tried again, not lost: a PostgreSQL target behind a proxy that is
 * cut (the deliveries wait and retry, then each lands once when it is back), and a target table
 * that is missing (the deliveries end failed, visible in the API, and replay once it is there).
 */
class InboxRetryIT {
  static final String SECRET = "whsec-inbox-retry";

  @TempDir Path dir;
  final String suffix = Long.toHexString(System.nanoTime());
  final String orders = "inbox_orders_" + suffix;
  TcpProxy proxy;
  Fixture f;

  @BeforeAll
  static void needsPostgres() {
    Services.POSTGRESQL.require();
  }

  @BeforeEach
  void table() throws Exception {
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + orders + " (order_id VARCHAR(40) PRIMARY KEY, total DECIMAL(12,2))");
    }
    proxy = new TcpProxy("127.0.0.1", 5432);
  }

  @AfterEach
  void stop() throws Exception {
    if (f != null) f.close();
    proxy.close();
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + orders);
      s.execute("DROP TABLE IF EXISTS " + orders + "_away");
    }
  }

  private void serve(InboxTuning inbox) throws Exception {
    String spec = Fixture.spec("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test",
        "{ method: password, scope: system, username: postgres, password: unused }", orders, orders + "_src", orders + "_copy");
    f = new Fixture(dir, Services.POSTGRESQL.url() + "&currentSchema=weft_inbox_" + suffix, spec,
        ServerTuning.defaults().withLease(Duration.ofSeconds(5)).withInbox(inbox));
    Fixture.Response r = f.call("POST", "/api/instances", Fixture.ADMIN, Json.write(Map.of("id", "retry-shop", "customer", "acme",
        "integration", "shop-hooks", "plan", "starter", "environment", "test", "config", Map.of("shop_key", "k", "webhook_secret", SECRET))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static Connection target() throws Exception {
    return DriverManager.getConnection(Services.POSTGRESQL.url());
  }

  private long rows() throws Exception {
    try (Connection c = target(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + orders)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Posts n deliveries of two orders each (ids o-K-a, o-K-b), one with a record that has no id, one with no records at all. */
  private void post(int n) throws Exception {
    for (int k = 0; k < n; k++) {
      String body = k == 3 ? "{\"note\": \"no order here\"}"
          : k == 5 ? "{\"order\": [{\"id\": \"o-5-a\", \"total\": 1}, {\"total\": 2}]}"
          : "{\"order\": [{\"id\": \"o-" + k + "-a\", \"total\": 1}, {\"id\": \"o-" + k + "-b\", \"total\": 2}]}";
      Fixture.Response r = f.hook("retry-shop", body, Map.of("X-Shop-Signature", Fixture.sign(SECRET, body), "X-Delivery-Id", "d-" + k));
      assertThat(r.status()).as(r.body()).isEqualTo(202);
    }
  }

  private List<Map<String, Object>> deliveries(String status, String token) throws Exception {
    Fixture.Response r = f.call("GET", "/api/instances/retry-shop/deliveries?status=" + status + "&limit=1000", token, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return list(r.body());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(String json) throws Exception {
    return Json.MAPPER.readValue(json, List.class);
  }

  @Test
  void deliveries_wait_while_the_target_is_down_then_each_lands_once() throws Exception {
    serve(InboxTuning.defaults().withAttempts(1000, Duration.ofMillis(300), Duration.ofSeconds(1)));
    proxy.cut();
    int n = 40;
    post(n);
    await().atMost(Duration.ofSeconds(90)).until(() -> deliveries("retrying", Fixture.ADMIN).size() == n);
    Map<String, Object> waiting = deliveries("retrying", Fixture.ADMIN).get(0);
    assertThat((String) waiting.get("last_error")).isNotBlank();
    assertThat(waiting.get("next_attempt_at")).isNotNull();
    assertThat(f.call("GET", "/metrics", null, null).body()).contains("weft_inbox_queue_depth{status=\"retrying\"} " + n + ".0");
    assertThat(rows()).isZero();

    proxy.restore();
    await().atMost(Duration.ofSeconds(90)).until(() -> deliveries("processed", Fixture.ADMIN).size() == n);
    assertThat(deliveries("retrying", Fixture.ADMIN)).isEmpty();
    assertThat(deliveries("failed", Fixture.ADMIN)).isEmpty();
    // 38 deliveries of two orders, one with one good order, one with no records
    assertThat(rows()).isEqualTo(38 * 2 + 1);
    List<Map<String, Object>> runs = list(f.call("GET", "/api/runs?instance=retry-shop&limit=1000", Fixture.ADMIN, null).body());
    long written = runs.stream().filter(r -> "succeeded".equals(r.get("status")))
        .mapToLong(r -> ((Number) r.get("written")).longValue()).sum();
    assertThat(written).as("each order written by exactly one run").isEqualTo(38 * 2 + 1);
    assertThat(runs.stream().filter(r -> "succeeded".equals(r.get("status")))).hasSizeLessThan(n);
    List<Map<String, Object>> letters = list(f.call("GET", "/api/instances/retry-shop/dead-letters", Fixture.ADMIN, null).body());
    assertThat(letters).extracting(l -> l.get("position")).containsExactlyInAnyOrder("d-3", "d-5#2");
  }

  @Test
  void a_permanent_failure_ends_failed_and_replays_after_the_fix() throws Exception {
    serve(InboxTuning.defaults().withAttempts(2, Duration.ofMillis(200), Duration.ofMillis(400)));
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + orders + " RENAME TO " + orders + "_away");
    }
    post(8);
    await().atMost(Duration.ofSeconds(90)).until(() -> deliveries("failed", Fixture.ADMIN).size() == 8);
    Map<String, Object> failed = deliveries("failed", Fixture.ADMIN).get(0);
    assertThat(failed.get("attempts")).isEqualTo(2);
    assertThat((String) failed.get("last_error")).isNotBlank();
    assertThat(failed.get("run_id")).isNotNull();
    assertThat(f.call("GET", "/metrics", null, null).body()).contains("weft_inbox_queue_depth{status=\"failed\"} 8.0");

    // customers see only their own instance's deliveries
    String other = (String) f.call("POST", "/api/tokens", Fixture.ADMIN, Json.write(Map.of("customer", "globex"))).json().get("token");
    String own = (String) f.call("POST", "/api/tokens", Fixture.ADMIN, Json.write(Map.of("customer", "acme"))).json().get("token");
    assertThat(f.call("GET", "/api/instances/retry-shop/deliveries", other, null).status()).isEqualTo(404);
    assertThat(f.call("POST", "/api/instances/retry-shop/deliveries/replay", other, null).status()).isEqualTo(404);
    assertThat(deliveries("failed", own)).hasSize(8);
    assertThat(f.call("GET", "/api/instances/retry-shop/deliveries?status=lost", own, null).status()).isEqualTo(422);

    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + orders + "_away RENAME TO " + orders);
    }
    long one = ((Number) failed.get("id")).longValue();
    Fixture.Response single = f.call("POST", "/api/instances/retry-shop/deliveries/" + one + "/replay", own, null);
    assertThat(single.status()).as(single.body()).isEqualTo(200);
    assertThat(single.json().get("replayed")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(60)).until(() -> deliveries("processed", own).size() == 1);
    Fixture.Response all = f.call("POST", "/api/instances/retry-shop/deliveries/replay", own, null);
    assertThat(all.json().get("replayed")).isEqualTo(7);
    await().atMost(Duration.ofSeconds(60)).until(() -> deliveries("processed", own).size() == 8);
    // 6 deliveries of two orders, d-5 with one good order, d-3 with none
    assertThat(rows()).isEqualTo(6 * 2 + 1);
    assertThat(f.call("POST", "/api/instances/retry-shop/deliveries/" + one + "/replay", own, null).status()).isEqualTo(404);
  }
}
