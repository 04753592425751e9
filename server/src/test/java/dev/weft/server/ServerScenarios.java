package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server end to end over HTTP, against a real store and a real target database (H2 or PostgreSQL). */
abstract class ServerScenarios {
  static final String SHOP_KEY = "sk-shop-KEEP-OUT-4711";
  static final String HOOK_SECRET = "whsec-KEEP-OUT-0815";

  @TempDir Path dir;
  final String suffix = Long.toHexString(System.nanoTime());
  final String orders = "hook_orders_" + suffix;
  final String source = "copy_src_" + suffix;
  final String copy = "copy_dst_" + suffix;
  Fixture f;

  abstract String storeUrl();

  abstract String targetUrl();

  abstract String targetAuth();

  abstract Connection target() throws Exception;

  @BeforeEach
  void start() throws Exception {
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + orders + " (order_id VARCHAR(40) PRIMARY KEY, total DECIMAL(12,2))");
      // quoted: H2 would otherwise name the columns in capitals, and the flow reads order_id
      s.execute("CREATE TABLE " + source + " (\"order_id\" VARCHAR(40) PRIMARY KEY, \"total\" DECIMAL(12,2))");
      s.execute("CREATE TABLE " + copy + " (order_id VARCHAR(40) PRIMARY KEY, total DECIMAL(12,2))");
      s.execute("INSERT INTO " + source + " VALUES ('c-1', 1.50), ('c-2', 2.50)");
    }
    f = new Fixture(dir, storeUrl(), Fixture.spec(targetUrl(), targetAuth(), orders, source, copy));
    afterStart();
  }

  void afterStart() {}

  @AfterEach
  void stop() {
    if (f != null) f.close();
  }

  Fixture.Response createInstance(String id, String customer, String plan) throws Exception {
    return f.call("POST", "/api/instances", Fixture.ADMIN, Json.write(Map.of("id", id, "customer", customer, "integration", "shop-hooks",
        "plan", plan, "environment", "test", "config", Map.of("shop_key", SHOP_KEY, "webhook_secret", HOOK_SECRET))));
  }

  long count(String table) throws Exception {
    try (Connection c = target(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  long inboxRows(String instance) throws Exception {
    try (Connection c = f.server.store().dataSource().getConnection();
        var s = c.prepareStatement("SELECT COUNT(*) FROM webhook_inbox WHERE instance = ?")) {
      s.setString(1, instance);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void a_signed_webhook_is_accepted_then_its_flow_writes_the_target() throws Exception {
    assertThat(createInstance("acme-shop", "acme", "starter").status()).isEqualTo(201);
    String body = "{\"order\": [{\"id\": \"o-1\", \"total\": 12.5}, {\"id\": \"o-2\", \"total\": 3}]}";
    Fixture.Response r = f.hook("acme-shop", body, Map.of("X-Shop-Signature", Fixture.sign(HOOK_SECRET, body)));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json()).containsKey("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> count(orders) == 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> f.call("GET", "/api/runs?instance=acme-shop", Fixture.ADMIN, null).body()
        .contains("\"status\":\"succeeded\""));
    assertThat(f.call("GET", "/api/runs?instance=acme-shop", Fixture.ADMIN, null).body()).contains("\"trigger\":\"webhook\"");
  }

  @Test
  void a_forged_or_unsigned_webhook_is_refused_and_not_stored() throws Exception {
    createInstance("acme-shop", "acme", "starter");
    String body = "{\"order\": {\"id\": \"o-9\"}}";
    assertThat(f.hook("acme-shop", body, Map.of("X-Shop-Signature", Fixture.sign("wrong-secret", body))).status()).isEqualTo(401);
    assertThat(f.hook("acme-shop", body, Map.of()).status()).isEqualTo(401);
    assertThat(f.hook("no-such-instance", body, Map.of()).status()).isEqualTo(404);
    assertThat(inboxRows("acme-shop")).isZero();
    assertThat(f.call("GET", "/metrics", null, null).body()).contains("weft_webhooks_total{outcome=\"unauthorized\"} 2.0");
  }

  @Test
  void a_redelivery_answers_with_the_first_id_and_runs_once() throws Exception {
    createInstance("acme-shop", "acme", "starter");
    String body = "{\"order\": {\"id\": \"o-5\", \"total\": 1}}";
    Map<String, String> headers = Map.of("X-Shop-Signature", Fixture.sign(HOOK_SECRET, body), "X-GitHub-Delivery", "d-42");
    Fixture.Response first = f.hook("acme-shop", body, headers);
    Fixture.Response again = f.hook("acme-shop", body, headers);
    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(inboxRows("acme-shop")).isEqualTo(1);
  }

  @Test
  void concurrent_webhooks_are_committed_in_groups_and_every_202_is_in_the_inbox() throws Exception {
    createInstance("acme-shop", "acme", "starter");
    int n = 200;
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<Fixture.Response>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String body = "{\"order\": {\"id\": \"g-" + i + "\", \"total\": " + i + "}}";
      Map<String, String> headers = Map.of("X-Shop-Signature", Fixture.sign(HOOK_SECRET, body), "X-Delivery-Id", "g-" + i);
      sent.add(pool.submit(() -> {
        // A sender retries a delivery whose connection dropped without an answer, as webhook
        // senders do; the delivery id keeps the retry from counting twice.
        try {
          return f.hook("acme-shop", body, headers);
        } catch (java.io.IOException dropped) {
          return f.hook("acme-shop", body, headers);
        }
      }));
    }
    int accepted = 0;
    for (Future<Fixture.Response> r : sent) if (r.get().status() == 202 || r.get().status() == 200) accepted++;
    pool.shutdown();
    assertThat(accepted).isEqualTo(n);
    assertThat(inboxRows("acme-shop")).isEqualTo(n);
    System.out.printf("group commit: %d webhooks in %d commits%n", n, f.server.inbox().groups());
    assertThat(f.server.inbox().groups()).isLessThanOrEqualTo(n);
    await().atMost(Duration.ofSeconds(120)).until(() -> count(orders) == n);
  }

  @Test
  void a_manual_trigger_answers_202_with_the_run_id_and_the_run_moves_the_rows() throws Exception {
    createInstance("globex-etl", "globex", "pro");
    Fixture.Response r = f.call("POST", "/api/instances/globex-etl/flows/copy/runs", Fixture.ADMIN, null);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String runId = String.valueOf(r.json().get("run_id"));
    await().atMost(Duration.ofSeconds(60)).until(() -> f.call("GET", "/api/runs/" + runId, Fixture.ADMIN, null).body().contains("\"status\":\"succeeded\""));
    assertThat(count(copy)).as(f.call("GET", "/api/runs/" + runId, Fixture.ADMIN, null).body()).isEqualTo(2);
  }

  @Test
  void a_schedule_fires_through_db_scheduler() throws Exception {
    createInstance("globex-etl", "globex", "pro");
    assertThat(f.server.schedules().next("globex-etl", "copy")).isPresent();
    f.server.schedules().runSoon("globex-etl", "copy");
    await().atMost(Duration.ofSeconds(60)).until(() -> count(copy) == 2);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        f.call("GET", "/api/runs?instance=globex-etl", Fixture.ADMIN, null).body().contains("\"trigger\":\"schedule\""));
  }
}
