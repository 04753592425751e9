package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.testkit.Services;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed webhooks posted by concurrent senders to real {@code weft serve} processes on one
 * PostgreSQL store, while a process is killed with SIGKILL, stopped with SIGTERM, or shares the
 * work with another. Senders behave as webhook senders do: each delivery carries an id and is sent
 * again until it is answered 2xx (to the other server when one is gone). Every acknowledged
 * delivery must end in the target table once, stored once in the inbox, processed.
 */
class WebhookDurabilityIT {
  private static final String SECRET = "whsec-durable-77";
  @TempDir Path dir;
  private final String suffix = Long.toHexString(System.nanoTime());
  private final String table = "srvevents_hooks_" + suffix;
  private final String schema = "weft_srvevents_" + suffix;
  private Path specs;
  private final List<ServeProcess> servers = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Services.POSTGRESQL.require();
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, sender INT)");
    }
    specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("hooks.yaml"), """
        weft: 1
        id: durable-hooks
        name: Durable hooks
        systems:
          sender: { name: Sender, connection: api, url: "http://127.0.0.1:9/none", format: json, auth: { method: none } }
          db:
            name: Orders database
            ours: true
            connection: datastore
            url: "jdbc:postgresql://127.0.0.1:5432/test"
            auth: { method: password, scope: system, username: postgres, password: "" }
        config:
          - { key: hook_secret, label: Signing secret, type: secret, required: true }
        flows:
          - id: orders
            trigger:
              webhook: { path: orders, verify: { hmac: sha256, header: X-Signature, secret: "${config.hook_secret}" } }
            source: { system: sender }
            map:
              - { from: id, to: id, required: true }
              - { from: sender, to: sender }
            target: { system: db, table: TABLE, write: upsert, key: id }
        """.replace("TABLE", table));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (ServeProcess s : servers) s.kill();
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url()); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private String store() {
    return Services.POSTGRESQL.url() + "&currentSchema=" + schema;
  }

  private ServeProcess serve(int port) throws IOException {
    ServeProcess s = ServeProcess.start(dir, specs, store(), port, "--lease", "2s");
    servers.add(s);
    return s;
  }

  @Test
  void kill_9_while_webhooks_arrive_loses_and_doubles_nothing() throws Exception {
    int port = ServeProcess.freePort();
    ServeProcess first = serve(port);
    createInstance(first);
    Senders senders = new Senders(8, 50, n -> "http://127.0.0.1:" + port);
    senders.start();
    await().atMost(Duration.ofSeconds(120)).until(() -> senders.acked.size() >= 120);
    first.kill();
    int ackedAtKill = senders.acked.size();
    serve(port);
    senders.await();

    assertThat(ackedAtKill).isLessThan(senders.total());
    assertEveryDeliveryOnce(senders);
  }

  @Test
  void sigterm_finishes_running_work_and_keeps_every_accepted_webhook() throws Exception {
    int port = ServeProcess.freePort();
    ServeProcess first = serve(port);
    createInstance(first);
    Senders senders = new Senders(8, 50, n -> "http://127.0.0.1:" + port);
    senders.start();
    await().atMost(Duration.ofSeconds(120)).until(() -> senders.acked.size() >= 120);
    first.terminate(Duration.ofSeconds(90));
    Set<Integer> ackedBeforeStop = new TreeSet<>(senders.acked);
    assertThat(scalar("SELECT COUNT(*) FROM runs WHERE finished_at IS NULL")).as("no run left half done").isZero();
    assertThat(scalar("SELECT COUNT(*) FROM webhook_inbox WHERE claimed_by IS NOT NULL AND done_at IS NULL"))
        .as("claims given back on a clean stop").isZero();
    Set<Integer> stored = new TreeSet<>(ints("SELECT CAST(SUBSTRING(delivery_id FROM 3) AS INT) FROM webhook_inbox"));
    assertThat(stored).as("every acknowledged webhook was committed before its answer").containsAll(ackedBeforeStop);

    serve(port);
    senders.await();
    assertEveryDeliveryOnce(senders);
  }

  @Test
  void two_servers_share_the_inbox_and_a_killed_ones_claims_are_taken_over() throws Exception {
    int portA = ServeProcess.freePort();
    int portB = ServeProcess.freePort();
    ServeProcess a = serve(portA);
    ServeProcess b = serve(portB);
    createInstance(a);
    // b learns of the instance from the shared store on each request
    Senders senders = new Senders(8, 50, attempt -> "http://127.0.0.1:" + (attempt % 2 == 0 ? portA : portB));
    senders.start();
    // a is killed once both servers have finished work of their own (a worker lets deliveries gather before a run)
    await().atMost(Duration.ofSeconds(120)).until(() -> senders.acked.size() >= 150
        && scalar("SELECT COUNT(DISTINCT claimed_by) FROM webhook_inbox WHERE done_at IS NOT NULL") == 2);
    a.kill();
    senders.await();
    assertEveryDeliveryOnce(senders);
    assertThat(scalar("SELECT COUNT(DISTINCT claimed_by) FROM webhook_inbox")).as("both servers processed webhooks").isEqualTo(2);
    assertThat(b.process.isAlive()).isTrue();
  }

  @Test
  void two_hundred_concurrent_senders_on_keep_alive_connections_all_get_an_answer() throws Exception {
    int port = ServeProcess.freePort();
    ServeProcess server = serve(port);
    createInstance(server);
    Senders senders = new Senders(200, 2, n -> "http://127.0.0.1:" + port);
    senders.start();
    senders.await();
    System.out.printf("200 concurrent senders: %d connection errors or 503s resent (%s)%n", senders.retries.get(), senders.errors);
    assertThat(senders.retries.get()).as("no request closed without an answer: " + senders.errors).isZero();
    assertEveryDeliveryOnce(senders);
  }

  /**
   * Throughput of the inbox: {@code weft.inbox.n} signed webhooks (2,000 by default) from 50
   * concurrent senders, timed from the first post until every one is processed into the table.
   */
  @Test
  void a_burst_of_webhooks_is_processed_in_batches() throws Exception {
    int n = Integer.getInteger("weft.inbox.n", 2000);
    int port = ServeProcess.freePort();
    ServeProcess server = serve(port);
    createInstance(server);
    Senders senders = new Senders(50, n / 50, k -> "http://127.0.0.1:" + port);
    long start = System.nanoTime();
    senders.start();
    senders.await();
    long posted = System.nanoTime();
    await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> scalar("SELECT COUNT(*) FROM webhook_inbox WHERE done_at IS NULL") == 0);
    long processed = System.nanoTime();
    System.out.printf("inbox throughput: %d webhooks posted in %d ms, all processed %d ms after the first post (%.0f/s), in %d runs%n",
        senders.total(), (posted - start) / 1_000_000, (processed - start) / 1_000_000,
        senders.total() / ((processed - start) / 1e9), scalar("SELECT COUNT(*) FROM runs WHERE run_trigger = 'webhook'"));
    assertEveryDeliveryOnce(senders);
  }

  private void assertEveryDeliveryOnce(Senders senders) throws Exception {
    assertThat(senders.failures).as("every delivery was acknowledged in the end").isEmpty();
    assertThat(senders.acked).hasSize(senders.total());
    await().atMost(Duration.ofMinutes(5)).until(() -> scalar("SELECT COUNT(*) FROM webhook_inbox WHERE done_at IS NULL") == 0);
    assertThat(scalar("SELECT COUNT(*) FROM webhook_inbox")).as("each delivery stored once").isEqualTo(senders.total());
    assertThat(scalar("SELECT COUNT(DISTINCT delivery_id) FROM webhook_inbox")).isEqualTo(senders.total());
    List<Integer> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      while (r.next()) ids.add(r.getInt(1));
    }
    assertThat(ids).as("the table holds each acknowledged delivery once").containsExactlyElementsOf(new TreeSet<>(senders.acked));
    long runs = scalar("SELECT COUNT(*) FROM runs WHERE run_trigger = 'webhook' AND status = 'SUCCEEDED'");
    System.out.printf("deliveries %d, webhook runs %d (one per claimed batch), 202 answers %d, 200 repeats %d, sends retried %d%n",
        senders.total(), runs, senders.accepted.get(), senders.repeats.get(), senders.retries.get());
    assertThat(scalar("SELECT COUNT(*) FROM webhook_inbox w WHERE NOT EXISTS"
        + " (SELECT 1 FROM runs r WHERE r.id = w.run_id AND r.status = 'SUCCEEDED')")).as("each delivery processed by a run that succeeded")
        .isZero();
    assertThat(runs).as("deliveries are processed in batches, not one run each").isLessThan(senders.total());
  }

  private void createInstance(ServeProcess server) throws Exception {
    ServeProcess.Answer created = server.call("POST", "/api/instances", "{\"id\": \"acme\", \"customer\": \"acme\","
        + " \"integration\": \"durable-hooks\", \"environment\": \"test\", \"config\": {\"hook_secret\": \"" + SECRET + "\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private long scalar(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(store()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private List<Integer> ints(String sql) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(store()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) out.add(r.getInt(1));
    }
    return out;
  }

  static String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code count} senders on keep-alive connections, each posting {@code each} deliveries in turn until answered 2xx. */
  static final class Senders {
    final Set<Integer> acked = ConcurrentHashMap.newKeySet();
    final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final java.util.Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final int count;
    private final int each;
    private final IntFunction<String> server;
    private final CountDownLatch done;

    Senders(int count, int each, IntFunction<String> server) {
      this.count = count;
      this.each = each;
      this.server = server;
      this.done = new CountDownLatch(count);
    }

    int total() {
      return count * each;
    }

    void start() {
      for (int k = 0; k < count; k++) {
        int sender = k;
        Thread.ofVirtual().start(() -> {
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
          try {
            for (int i = 0; i < each; i++) send(http, sender, sender * each + i);
          } finally {
            done.countDown();
          }
        });
      }
    }

    private void send(HttpClient http, int sender, int id) {
      String body = "{\"id\": " + id + ", \"sender\": " + sender + "}";
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      for (int attempt = sender; System.nanoTime() < deadline; attempt++) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.apply(attempt) + "/hooks/acme/orders"))
              .timeout(Duration.ofSeconds(30)).header("X-Delivery-Id", "d-" + id).header("X-Signature", sign(body))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 202 || r.statusCode() == 200) {
            (r.statusCode() == 202 ? accepted : repeats).incrementAndGet();
            acked.add(id);
            return;
          }
          if (r.statusCode() != 503 && r.statusCode() != 404) {
            failures.add(id + ": HTTP " + r.statusCode() + " " + r.body());
            return;
          }
        } catch (IOException e) {
          // the server is gone or restarting: send again, as senders do
          errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        retries.incrementAndGet();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      failures.add(id + ": not acknowledged within 120 s");
    }

    void await() throws InterruptedException {
      done.await();
    }
  }
}
