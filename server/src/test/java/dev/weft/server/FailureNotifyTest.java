package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * errors.notify.webhook against a loopback HTTP server: a failed run POSTs the flow's message with
 * its placeholders filled, a 500 is retried, the outcome is in the run's log, and the instance's
 * secret never appears in what is sent.
 */
class FailureNotifyTest {
  private static final String SHOP_KEY = "sk-NOTIFY-SECRET-4242";

  @Test
  void a_failed_run_notifies_the_webhook_with_its_message_and_retries_a_500(@TempDir Path dir) throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer alerts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    alerts.createContext("/alerts", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
      exchange.close();
    });
    alerts.start();
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens here once closed: the run's source fails
    }
    String spec = """
        weft: 1
        id: notify-test
        name: Notify test
        systems:
          shop:
            name: Shop
            connection: api
            url: http://127.0.0.1:CLOSED/shop
            format: json
            auth: { method: api-key, scope: customer, header: X-Api-Key, key: "${config.shop_key}" }
          db:
            name: Target
            ours: true
            connection: datastore
            url: "jdbc:h2:file:TARGET"
            auth: { method: none, scope: system }
        config:
          - { key: shop_key, label: Shop key, type: secret, required: true }
          - { key: alert_url, label: Alert webhook, type: url }
        flows:
          - id: pull
            trigger: { manual: true }
            source: { system: shop, endpoint: GET /orders }
            map:
              - { from: id, to: id }
            target: { system: db, table: pulled, write: insert }
            errors:
              retry: { attempts: 1 }
              notify: { webhook: "${config.alert_url}" }
              message: "Shop orders of run {{run.id}} failed: {{error}}"
        """.replace("CLOSED", Integer.toString(closed)).replace("TARGET", dir.resolve("target").toString());
    try (Fixture f = new Fixture(dir, "jdbc:h2:file:" + dir.resolve("state"), spec)) {
      String alertUrl = "http://127.0.0.1:" + alerts.getAddress().getPort() + "/alerts";
      Fixture.Response created = f.call("POST", "/api/instances", Fixture.ADMIN, Json.write(Map.of("id", "acme-pull", "customer", "acme",
          "integration", "notify-test", "environment", "test", "config", Map.of("shop_key", SHOP_KEY, "alert_url", alertUrl))));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      Fixture.Response started = f.call("POST", "/api/instances/acme-pull/flows/pull/runs", Fixture.ADMIN, null);
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      String runId = String.valueOf(started.json().get("run_id"));

      await().atMost(Duration.ofSeconds(30)).until(() -> f.call("GET", "/api/runs/" + runId, Fixture.ADMIN, null).body()
          .contains("failure notification sent"));
      assertThat(calls.get()).as("a 500 is tried again").isEqualTo(2);
      assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
      Map<String, Object> notice = Json.readMap(bodies.get(1));
      assertThat(notice).containsEntry("event", "run_failed").containsEntry("instance", "acme-pull").containsEntry("customer", "acme")
          .containsEntry("flow", "pull").containsEntry("run_id", runId).containsEntry("integration", "notify-test");
      assertThat(String.valueOf(notice.get("message"))).startsWith("Shop orders of run " + runId + " failed: ").doesNotContain("{{");
      assertThat(bodies.get(1)).doesNotContain(SHOP_KEY);
      String run = f.call("GET", "/api/runs/" + runId, Fixture.ADMIN, null).body();
      assertThat(run).contains("\"status\":\"failed\"").contains("failure notification sent to 127.0.0.1 (HTTP 204, attempt 2)")
          .doesNotContain("/alerts");
    } finally {
      alerts.stop(0);
    }
  }
}
