package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The scenarios on an embedded H2 store with an H2 target database. */
class ServerTest extends ServerScenarios {
  @Override
  String storeUrl() {
    return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
  }

  @Override
  String targetUrl() {
    return "jdbc:h2:file:" + dir.resolve("target");
  }

  @Override
  String targetAuth() {
    return "{ method: none, scope: system }";
  }

  @Override
  Connection target() throws Exception {
    return DriverManager.getConnection(targetUrl());
  }

  @Test
  void a_customer_token_sees_and_changes_only_its_own_instances() throws Exception {
    assertThat(createInstance("acme-shop", "acme", "pro").status()).isEqualTo(201);
    assertThat(createInstance("globex-shop", "globex", "pro").status()).isEqualTo(201);
    String acme = String.valueOf(f.call("POST", "/api/tokens", Fixture.ADMIN, "{\"customer\": \"acme\"}").json().get("token"));
    Fixture.Response globexRun = f.call("POST", "/api/instances/globex-shop/flows/copy/runs", Fixture.ADMIN, null);
    assertThat(globexRun.status()).as(globexRun.body()).isEqualTo(202);
    String runId = String.valueOf(globexRun.json().get("run_id"));
    await().atMost(Duration.ofSeconds(60)).until(() -> f.call("GET", "/api/runs/" + runId, Fixture.ADMIN, null).body().contains("succeeded"));

    Fixture.Response list = f.call("GET", "/api/instances", acme, null);
    assertThat(list.body()).contains("acme-shop").doesNotContain("globex-shop");
    assertThat(f.call("GET", "/api/instances/acme-shop", acme, null).status()).isEqualTo(200);
    for (String[] call : List.of(
        new String[] {"GET", "/api/instances/globex-shop"},
        new String[] {"PUT", "/api/instances/globex-shop"},
        new String[] {"DELETE", "/api/instances/globex-shop"},
        new String[] {"POST", "/api/instances/globex-shop/enable"},
        new String[] {"POST", "/api/instances/globex-shop/disable"},
        new String[] {"POST", "/api/instances/globex-shop/flows/copy/runs"},
        new String[] {"GET", "/api/instances/globex-shop/dead-letters"},
        new String[] {"GET", "/api/runs?instance=globex-shop"},
        new String[] {"GET", "/api/runs/" + runId})) {
      Fixture.Response r = f.call(call[0], call[1], acme, call[0].equals("PUT") ? "{\"enabled\": false}" : null);
      assertThat(r.status()).as(call[0] + " " + call[1] + ": " + r.body()).isEqualTo(404);
    }
    assertThat(f.call("GET", "/api/runs", acme, null).body()).doesNotContain(runId);
    assertThat(f.call("GET", "/api/instances/globex-shop", Fixture.ADMIN, null).json().get("enabled")).isEqualTo(true);
    assertThat(f.call("POST", "/api/tokens", acme, "{\"customer\": \"acme\"}").status()).isEqualTo(403);
    assertThat(f.call("POST", "/api/integrations/shop-hooks/versions/x/approve", acme, null).status()).isIn(403, 404);
    assertThat(f.call("GET", "/api/instances", null, null).status()).isEqualTo(401);
    assertThat(f.call("GET", "/api/instances", "made-up", null).status()).isEqualTo(401);
    Fixture.Response upgrade = f.call("PUT", "/api/instances/acme-shop", acme, "{\"plan\": \"pro\"}");
    assertThat(upgrade.status()).as(upgrade.body()).isEqualTo(403);
    Fixture.Response own = f.call("PUT", "/api/instances/acme-shop", acme, "{\"config\": {\"region\": \"us\"}}");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("config")).isEqualTo(Map.of("shop_key", "********", "webhook_secret", "********", "region", "us"));
    Fixture.Response created = f.call("POST", "/api/instances", acme, Json.write(Map.of("id", "acme-two", "customer", "globex",
        "integration", "shop-hooks", "environment", "test", "config", Map.of("shop_key", "k", "webhook_secret", "w"))));
    assertThat(created.status()).as(created.body()).isEqualTo(422);
    assertThat(created.body()).contains("\"plan\":[\"is required");
  }

  @Test
  void config_values_are_checked_per_field() throws Exception {
    Fixture.Response r = f.call("POST", "/api/instances", Fixture.ADMIN, Json.write(Map.of("id", "Bad Id", "customer", "acme",
        "integration", "shop-hooks", "plan", "gold", "environment", "staging",
        "config", Map.of("webhook_secret", "w", "region", "asia", "max_orders", "many", "colour", "red"))));
    assertThat(r.status()).isEqualTo(422);
    @SuppressWarnings("unchecked")
    Map<String, List<String>> errors = (Map<String, List<String>>) r.json().get("errors");
    assertThat(errors).containsOnlyKeys("id", "plan", "environment", "config.shop_key", "config.region", "config.max_orders", "config.colour");
    assertThat(errors.get("config.shop_key")).containsExactly("is required");
    assertThat(errors.get("config.region").get(0)).contains("one of eu, us");
    assertThat(errors.get("config.max_orders")).containsExactly("must be a number");
  }

  @Test
  void a_flow_outside_the_plan_is_refused() throws Exception {
    createInstance("acme-shop", "acme", "starter");
    Fixture.Response r = f.call("POST", "/api/instances/acme-shop/flows/copy/runs", Fixture.ADMIN, null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("error")).isEqualTo("plan starter does not include flow copy");
    assertThat(f.server.schedules().next("acme-shop", "copy")).isEmpty();
  }

  @Test
  void a_production_instance_runs_only_approved_versions() throws Exception {
    Fixture.Response created = f.call("POST", "/api/instances", Fixture.ADMIN, Json.write(Map.of("id", "prod-etl", "customer", "acme",
        "integration", "shop-hooks", "plan", "pro", "environment", "production",
        "config", Map.of("shop_key", "k", "webhook_secret", "w"))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(f.call("POST", "/api/instances/prod-etl/flows/copy/runs", Fixture.ADMIN, null).status()).isEqualTo(409);
    String version = f.server.catalog().versions("shop-hooks").get(0).version();
    assertThat(f.call("POST", "/api/integrations/shop-hooks/versions/" + version + "/approve", Fixture.ADMIN, "{\"by\": \"lead\"}").body())
        .contains("\"approved_by\":\"lead\"");
    assertThat(f.call("POST", "/api/instances/prod-etl/flows/copy/runs", Fixture.ADMIN, null).status()).isEqualTo(202);
  }

  @Test
  void a_secret_is_never_in_a_response_a_log_or_the_store_file() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      f.server.secrets().set("api_password", "op-KEEP-OUT-9999");
      List<String> bodies = new java.util.ArrayList<>();
      bodies.add(createInstance("acme-shop", "acme", "pro").body());
      String body = "{\"order\": {\"id\": \"s-1\", \"total\": 1}}";
      bodies.add(f.hook("acme-shop", body, Map.of("X-Shop-Signature", Fixture.sign(HOOK_SECRET, body))).body());
      await().atMost(Duration.ofSeconds(60)).until(() -> count(orders) == 1);
      for (String path : List.of("/api/instances", "/api/instances/acme-shop", "/api/runs", "/api/secrets", "/api/integrations"))
        bodies.add(f.call("GET", path, Fixture.ADMIN, null).body());
      bodies.add(f.call("PUT", "/api/instances/acme-shop", Fixture.ADMIN, "{\"config\": {\"region\": \"us\"}}").body());
      assertThat(String.join("\n", bodies)).contains("********").contains("api_password")
          .doesNotContain(SHOP_KEY).doesNotContain(HOOK_SECRET).doesNotContain("op-KEEP-OUT");
      assertThat(logs.list).isNotEmpty();
      assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage))
          .noneMatch(m -> m.contains(SHOP_KEY) || m.contains(HOOK_SECRET) || m.contains("op-KEEP-OUT"));
    } finally {
      root.detachAppender(logs);
    }
    f.close();
    f = null;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().startsWith("state")).toList()) {
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).as(file.toString()).contains("shop-hooks").doesNotContain(SHOP_KEY).doesNotContain(HOOK_SECRET)
            .doesNotContain("op-KEEP-OUT");
      }
    }
  }

  @Test
  void webhooks_a_stopped_process_had_claimed_are_processed_on_the_next_start() throws Exception {
    createInstance("acme-shop", "acme", "starter");
    f.close();
    f = null;
    String store = storeUrl();
    try (Connection c = DriverManager.getConnection(store);
        var s = c.prepareStatement("INSERT INTO webhook_inbox (instance, flow, payload, received_at, claimed_by, claimed_at)"
            + " VALUES ('acme-shop', 'orders', ?, CURRENT_TIMESTAMP, 'weft-dead', CURRENT_TIMESTAMP)")) {
      s.setString(1, "{\"order\": {\"id\": \"crash-1\", \"total\": 7}}");
      s.executeUpdate();
    }
    f = new Fixture(dir, store, Fixture.spec(targetUrl(), targetAuth(), orders, source, copy));
    await().atMost(Duration.ofSeconds(60)).until(() -> count(orders) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      try (Connection c = f.server.store().dataSource().getConnection();
          var q = c.createStatement();
          var r = q.executeQuery("SELECT COUNT(*) FROM webhook_inbox WHERE done_at IS NOT NULL AND run_id IS NOT NULL")) {
        r.next();
        return r.getLong(1) == 1;
      }
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_body_over_the_limit_is_refused_and_health_metrics_and_openapi_answer() throws Exception {
    createInstance("acme-shop", "acme", "starter");
    String big = "{\"order\": {\"id\": \"" + "x".repeat(WeftServer.Settings.DEFAULT_BODY_LIMIT + 10) + "\"}}";
    Fixture.Response r = f.hook("acme-shop", big, Map.of("X-Shop-Signature", Fixture.sign(HOOK_SECRET, big)));
    assertThat(r.status()).isEqualTo(413);
    assertThat(inboxRows("acme-shop")).isZero();
    assertThat(f.call("GET", "/health", null, null).json()).containsEntry("status", "ok");
    assertThat(f.call("GET", "/metrics", null, null).body()).contains("weft_inbox_queue_depth");
    Map<String, Object> openapi = f.call("GET", "/openapi.json", null, null).json();
    assertThat(openapi).containsEntry("openapi", "3.0.3");
    assertThat(((Map<String, ?>) openapi.get("paths")).keySet()).contains("/api/instances/{id}/flows/{flow}/runs", "/hooks/{instance}/{path}");
  }

  @Test
  void a_new_version_with_another_schedule_replaces_the_old_one() throws Exception {
    createInstance("globex-etl", "globex", "pro");
    assertThat(f.server.schedules().next("globex-etl", "copy").orElseThrow()).isBefore(java.time.Instant.now().plusSeconds(61));
    f.close();
    f = new Fixture(dir, storeUrl(), Fixture.spec(targetUrl(), targetAuth(), orders, source, copy).replace("every 1 minute", "every 10 minutes"));
    assertThat(f.server.catalog().versions("shop-hooks")).hasSize(2);
    assertThat(f.server.schedules().next("globex-etl", "copy").orElseThrow()).isAfter(java.time.Instant.now().plusSeconds(500));
  }
}
