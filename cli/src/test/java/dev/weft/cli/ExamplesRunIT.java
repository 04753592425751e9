package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.testkit.Services;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples that need a server of their own, run unchanged from {@code examples/} through the
 * jar against real servers on loopback, on the ports their URLs name: an SFTP server (MINA SSHD)
 * and the billing API; the Shopfront API and the ledger table in PostgreSQL; the MQTT readings
 * flow fed a payload into PostgreSQL.
 */
class ExamplesRunIT {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) server.close();
  }

  private static Path example(String name) {
    Path file = EXAMPLES.resolve(name);
    Assumptions.assumeTrue(Files.isRegularFile(file), "no " + file);
    return file;
  }

  private static Path resource(String name) {
    return Path.of("src", "test", "resources", "examples-run", name).toAbsolutePath();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) throws IOException {
    return JSON.readValue(text, Map.class);
  }

  private static Map<String, Object> json(WeftProcess.Result run) throws IOException {
    return json(run.stdout());
  }

  private HttpServer http(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.start();
    servers.add(() -> server.stop(0));
    return server;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) return params;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  // ---------------------------------------------------------------- sftp-invoices-to-api

  @Test
  void sftp_invoices_are_put_into_the_billing_api_and_the_files_deleted_after_success(@TempDir Path dir) throws Exception {
    Path spec = example("sftp-invoices-to-api.yaml");
    String clientSecret = "billing-s3cret-" + Long.toHexString(System.nanoTime());
    String accessToken = "tok-" + Long.toHexString(System.nanoTime());

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair clientKey = generator.generateKeyPair();
    ByteArrayOutputStream keyText = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "weft test", null, keyText);
    String privateKey = keyText.toString(StandardCharsets.UTF_8);

    Path root = Files.createDirectories(dir.resolve("sftp-root"));
    Path outbox = Files.createDirectories(root.resolve("outbox"));
    SshServer sftp = SshServer.setUpDefaultServer();
    sftp.setHost("127.0.0.1");
    sftp.setPort(2222);
    sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
    sftp.setPasswordAuthenticator((user, password, session) -> false);
    sftp.setPublickeyAuthenticator((user, key, session) -> user.equals("acme-edi") && KeyUtils.compareKeys(key, clientKey.getPublic()));
    sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sftp.setFileSystemFactory(new VirtualFileSystemFactory(root));
    sftp.start();
    servers.add(() -> sftp.stop(true));
    Files.copy(resource("invoices-1.xml"), outbox.resolve("invoices-1.xml"));
    Files.copy(resource("invoices-2.xml"), outbox.resolve("invoices-2.xml"));
    Files.writeString(outbox.resolve("readme.txt"), "not an invoice");

    Map<String, Map<String, Object>> booked = new ConcurrentHashMap<>();
    List<String> refusals = new CopyOnWriteArrayList<>();
    String basic = "Basic " + Base64.getEncoder().encodeToString(("weft:" + clientSecret).getBytes(StandardCharsets.UTF_8));
    HttpServer billing = http(8089);
    billing.createContext("/oauth/token", exchange -> {
      String form = body(exchange);
      boolean ok = exchange.getRequestMethod().equals("POST") && form.contains("grant_type=client_credentials")
          && basic.equals(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!ok) refusals.add("token");
      answer(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}" : "{\"error\":\"invalid_client\"}");
    });
    billing.createContext("/api/invoices/", exchange -> {
      if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        refusals.add("invoice");
        answer(exchange, 401, "{}");
        return;
      }
      if (!exchange.getRequestMethod().equals("PUT")) {
        answer(exchange, 405, "{}");
        return;
      }
      String number = exchange.getRequestURI().getPath().substring("/api/invoices/".length());
      booked.put(number, json(body(exchange)));
      answer(exchange, 200, "{}");
    });

    String state = "jdbc:h2:file:" + dir.resolve("state");
    // a wrong client secret: the run fails, nothing is booked and no file is deleted
    WeftProcess.Result refused = WeftProcess.run(dir, Map.of(), "run", spec.toString(), "--flow", "invoices", "--json",
        "--state", state, "--config", "sftp_user=acme-edi", "--secret", "sftp_key=" + privateKey,
        "--secret", "billing_secret=wrong-" + clientSecret);
    assertThat(refused.exit()).as(refused.stderr() + refused.stdout()).isNotZero();
    assertThat(booked).isEmpty();
    assertThat(refusals).contains("token");
    assertThat(outbox.resolve("invoices-1.xml")).exists();
    assertThat(outbox.resolve("invoices-2.xml")).exists();
    assertNoSecretIn(refused, privateKey, clientSecret, accessToken);

    WeftProcess.Result run = WeftProcess.run(dir, Map.of(), "run", spec.toString(), "--flow", "invoices", "--json",
        "--state", state, "--config", "sftp_user=acme-edi", "--secret", "sftp_key=" + privateKey,
        "--secret", "billing_secret=" + clientSecret);
    assertThat(run.exit()).as(run.stderr() + run.stdout()).isZero();
    assertNoSecretIn(run, privateKey, clientSecret, accessToken);
    Map<String, Object> outcome = json(run);
    assertThat(outcome).containsEntry("status", "succeeded").containsEntry("read", 4).containsEntry("written", 3)
        .containsEntry("dead_lettered", 1);
    assertThat((int) outcome.get("read")).isEqualTo((int) outcome.get("written") + (int) outcome.get("dead_lettered")
        + (int) outcome.get("filtered") + (int) outcome.get("skipped"));

    assertThat(booked).containsOnlyKeys("INV-1001", "INV-1002", "INV-1004");
    assertThat(booked.get("INV-1001")).containsEntry("invoiceNumber", "INV-1001").containsEntry("issuedOn", "2026-11-20")
        .containsEntry("currency", "USD");
    assertThat(((Number) booked.get("INV-1001").get("amount")).doubleValue()).isEqualTo(12.5);
    assertThat(String.valueOf(booked.get("INV-1001").get("vatPercent"))).isEqualTo("19");
    assertThat(booked.get("INV-1002")).containsEntry("issuedOn", "2026-11-21").containsEntry("currency", "EUR");
    assertThat(((Number) booked.get("INV-1002").get("amount")).doubleValue()).isEqualTo(1200.0);
    assertThat(booked.get("INV-1004")).containsEntry("issuedOn", "2026-11-23").containsEntry("currency", "CHF");
    assertThat(((Number) booked.get("INV-1004").get("amount")).doubleValue()).isEqualTo(0.01);
    assertThat(String.valueOf(booked.get("INV-1004").get("vatPercent"))).isEqualTo("8.1");

    WeftProcess.Result letters = WeftProcess.run(dir, Map.of(), "dlq", "list", "--flow", "invoices", "--state", state);
    assertThat(letters.exit()).as(letters.stderr()).isZero();
    assertThat(letters.stdout()).contains("invoices-2.xml:1").contains("'vatPercent' is required but empty")
        .contains("1 dead letter");

    assertThat(outbox.resolve("invoices-1.xml")).doesNotExist();
    assertThat(outbox.resolve("invoices-2.xml")).doesNotExist();
    assertThat(outbox.resolve("readme.txt")).exists();
  }

  private static void assertNoSecretIn(WeftProcess.Result run, String privateKey, String... secrets) {
    String output = run.stdout() + run.stderr();
    for (String secret : secrets) assertThat(output).doesNotContain(secret);
    for (String line : privateKey.lines().toList())
      if (line.length() > 20 && !line.startsWith("-----")) assertThat(output).doesNotContain(line);
  }

  // ---------------------------------------------------------------- shop-orders-to-ledger

  /** One Shopfront order as the API serves it. */
  private static Map<String, Object> order(long id, String status, String first, String last, double weightLb, long cents,
      String created, String updated) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.put("status", status);
    o.put("customer", Map.of("first_name", first, "last_name", last));
    o.put("weight_lb", weightLb);
    o.put("total_cents", cents);
    o.put("created_at", created);
    o.put("updated_at", updated);
    return o;
  }

  @Test
  void shop_orders_are_paged_filtered_mapped_and_read_incrementally_into_the_ledger(@TempDir Path dir) throws Exception {
    Path spec = example("shop-orders-to-ledger.yaml");
    Services.POSTGRESQL.require();
    String apiKey = "shop-key-" + Long.toHexString(System.nanoTime());
    List<Map<String, Object>> orders = new CopyOnWriteArrayList<>(List.of(
        order(1, "paid", "Ada", "Lovelace", 10, 1999, "2026-11-26T23:30:00Z", "2026-11-26T23:31:00Z"),
        order(2, "shipped", "Alan", "Turing", 2.5, 500, "2026-11-25T08:00:00Z", "2026-11-26T09:00:00Z"),
        order(3, "refunded", "Grace", "Hopper", 1, 12345, "2026-11-24T12:00:00Z", "2026-11-26T10:00:00Z"),
        order(4, "pending", "Edsger", "Dijkstra", 3, 100, "2026-11-24T12:00:00Z", "2026-11-26T11:00:00Z"),
        order(5, "paid", "Barbara", "Liskov", 0.5, 250, "2026-11-23T12:00:00Z", "2026-11-26T12:00:00Z")));
    List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    HttpServer shop = http(8089);
    shop.createContext("/v2/orders", exchange -> {
      if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
        answer(exchange, 401, "{\"errors\":\"bad key\"}");
        return;
      }
      Map<String, String> q = query(exchange);
      requests.add(q);
      String since = q.getOrDefault("updated_at_min", "");
      List<Map<String, Object>> matching = orders.stream()
          .filter(o -> since.isEmpty() || ((String) o.get("updated_at")).compareTo(since) > 0).toList();
      int from = Integer.parseInt(q.getOrDefault("page_info", "0"));
      int to = Math.min(from + 2, matching.size());
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("orders", matching.subList(from, to));
      page.put("next_page_info", to < matching.size() ? String.valueOf(to) : null);
      answer(exchange, 200, JSON.writeValueAsString(page));
    });

    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url())) {
      c.createStatement().execute("DROP TABLE IF EXISTS ledger_orders");
      c.createStatement().execute("CREATE TABLE ledger_orders (external_id BIGINT PRIMARY KEY, customer_name VARCHAR(200),"
          + " weight_kg NUMERIC(12,3), total NUMERIC(12,2), created_on DATE, state VARCHAR(2), origin VARCHAR(40))");
      try {
        String state = "jdbc:h2:file:" + dir.resolve("state");
        String[] args = {"run", spec.toString(), "--flow", "orders", "--json", "--state", state,
            "--config", "shopfront_key=" + apiKey, "--config", "statuses=paid,refunded"};
        WeftProcess.Result first = WeftProcess.run(dir, Map.of(), args);
        assertThat(first.exit()).as(first.stderr() + first.stdout()).isZero();
        assertThat(first.stdout() + first.stderr()).doesNotContain(apiKey);
        assertThat(json(first)).containsEntry("read", 5).containsEntry("written", 3).containsEntry("filtered", 2)
            .containsEntry("dead_lettered", 0);
        assertThat(requests).hasSize(3).allSatisfy(q -> assertThat(q).containsEntry("status", "any").doesNotContainKey("updated_at_min"));
        assertThat(requests).extracting(q -> q.get("page_info")).containsExactly(null, "2", "4");

        assertThat(ledger(c)).containsExactly(
            "1|Ada Lovelace|4.536|19.99|2026-11-27|P|shopfront",
            "3|Grace Hopper|0.454|123.45|2026-11-24|R|shopfront",
            "5|Barbara Liskov|0.227|2.50|2026-11-23|P|shopfront");

        requests.clear();
        orders.add(order(6, "paid", "Katherine", "Johnson", 4, 700, "2026-11-27T08:00:00Z", "2026-11-27T08:00:00Z"));
        orders.add(order(7, "shipped", "Tim", "Berners-Lee", 4, 700, "2026-11-27T08:00:00Z", "2026-11-27T08:01:00Z"));
        Map<String, Object> changed = new LinkedHashMap<>(orders.get(1));
        changed.put("status", "refunded");
        changed.put("updated_at", "2026-11-27T09:00:00Z");
        orders.set(1, changed);

        WeftProcess.Result second = WeftProcess.run(dir, Map.of(), args);
        assertThat(second.exit()).as(second.stderr() + second.stdout()).isZero();
        assertThat(json(second)).containsEntry("read", 3).containsEntry("written", 2).containsEntry("filtered", 1);
        assertThat(requests).first().satisfies(q -> assertThat(q).containsEntry("updated_at_min", "2026-11-26T23:31:00Z"));
        assertThat(ledger(c)).containsExactly(
            "1|Ada Lovelace|4.536|19.99|2026-11-27|P|shopfront",
            "2|Alan Turing|1.134|5.00|2026-11-25|R|shopfront",
            "3|Grace Hopper|0.454|123.45|2026-11-24|R|shopfront",
            "5|Barbara Liskov|0.227|2.50|2026-11-23|P|shopfront",
            "6|Katherine Johnson|1.814|7.00|2026-11-27|P|shopfront");
      } finally {
        c.createStatement().execute("DROP TABLE IF EXISTS ledger_orders");
      }
    }
  }

  private static List<String> ledger(Connection c) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet r = c.createStatement().executeQuery(
        "SELECT external_id, customer_name, weight_kg, total, created_on, state, origin FROM ledger_orders ORDER BY external_id")) {
      while (r.next())
        rows.add(r.getLong(1) + "|" + r.getString(2) + "|" + r.getBigDecimal(3).toPlainString() + "|" + r.getBigDecimal(4).toPlainString()
            + "|" + r.getDate(5).toLocalDate() + "|" + r.getString(6) + "|" + r.getString(7));
    }
    return rows;
  }

  // ---------------------------------------------------------------- mqtt-readings-to-postgres

  @Test
  void mqtt_readings_fed_as_a_payload_land_in_celsius(@TempDir Path dir) throws Exception {
    Path spec = example("mqtt-readings-to-postgres.yaml");
    Services.POSTGRESQL.require();
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url())) {
      c.createStatement().execute("DROP TABLE IF EXISTS readings");
      c.createStatement().execute("CREATE TABLE readings (sensor_id VARCHAR(40), taken_at TIMESTAMPTZ, celsius NUMERIC(8,2),"
          + " PRIMARY KEY (sensor_id, taken_at))");
      try {
        WeftProcess.Result run = WeftProcess.run(dir, Map.of(), "run", spec.toString(), "--flow", "readings", "--json",
            "--input", resource("readings.json").toString(), "--state", "jdbc:h2:file:" + dir.resolve("state"));
        assertThat(run.exit()).as(run.stderr() + run.stdout()).isZero();
        assertThat(json(run)).containsEntry("read", 4).containsEntry("written", 3).containsEntry("filtered", 1);
        List<String> rows = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery(
            "SELECT sensor_id, taken_at, celsius FROM readings ORDER BY sensor_id")) {
          while (r.next())
            rows.add(r.getString(1) + "|" + r.getObject(2, java.time.OffsetDateTime.class).toInstant() + "|" + r.getBigDecimal(3).toPlainString());
        }
        assertThat(rows).containsExactly(
            "gh-1|2026-11-26T12:00:00Z|100.00",
            "gh-2|2026-11-26T12:00:00Z|0.00",
            "gh-3|2026-11-26T12:01:00Z|21.39");
      } finally {
        c.createStatement().execute("DROP TABLE IF EXISTS readings");
      }
    }
  }

  @Test
  void mqtt_readings_published_to_mosquitto_are_read_by_the_broker_source(@TempDir Path dir) throws Exception {
    Path spec = example("mqtt-readings-to-postgres.yaml");
    Services.POSTGRESQL.require();
    Services.MOSQUITTO.require();
    // the flow's MQTT session is persistent and named by instance: a first run subscribes, the
    // readings published while no run is going are kept by the broker for the next run
    String instance = "it" + Long.toHexString(System.nanoTime());
    String state = "jdbc:h2:file:" + dir.resolve("state");
    String[] args = {"run", spec.toString(), "--flow", "readings", "--json", "--state", state, "--instance", instance};
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url())) {
      c.createStatement().execute("DROP TABLE IF EXISTS readings");
      c.createStatement().execute("CREATE TABLE readings (sensor_id VARCHAR(40), taken_at TIMESTAMPTZ, celsius NUMERIC(8,2),"
          + " PRIMARY KEY (sensor_id, taken_at))");
      try {
        WeftProcess.Result subscribe = WeftProcess.run(dir, Map.of(), args);
        assertThat(subscribe.exit()).as(subscribe.stderr() + subscribe.stdout()).isZero();
        assertThat(json(subscribe)).containsEntry("read", 0);

        MqttClient publisher = new MqttClient("tcp://127.0.0.1:" + Services.MOSQUITTO.port(), "pub-" + instance, new MemoryPersistence());
        publisher.connect();
        try {
          publish(publisher, "greenhouse/" + instance + "-a/temperature", "{\"sensor\": \"" + instance + "-a\", \"ts\": \"2026-11-26T12:00:00Z\", \"fahrenheit\": 98.6}");
          publish(publisher, "greenhouse/" + instance + "-b/temperature", "{\"sensor\": \"" + instance + "-b\", \"ts\": \"2026-11-26T12:00:00Z\", \"fahrenheit\": -40}");
          publish(publisher, "greenhouse/" + instance + "-c/temperature", "{\"sensor\": \"" + instance + "-c\", \"ts\": \"2026-11-26T12:00:00Z\", \"status\": \"ok\"}");
          publish(publisher, "greenhouse/" + instance + "-d/humidity", "{\"sensor\": \"" + instance + "-d\", \"ts\": \"2026-11-26T12:00:00Z\", \"fahrenheit\": 50}");
        } finally {
          publisher.disconnect();
          publisher.close();
        }

        WeftProcess.Result run = WeftProcess.run(dir, Map.of(), args);
        assertThat(run.exit()).as(run.stderr() + run.stdout()).isZero();
        assertThat(json(run)).containsEntry("read", 3).containsEntry("written", 2).containsEntry("filtered", 1);
        List<String> rows = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery("SELECT sensor_id, celsius FROM readings ORDER BY sensor_id")) {
          while (r.next()) rows.add(r.getString(1) + "|" + r.getBigDecimal(2).toPlainString());
        }
        assertThat(rows).containsExactly(instance + "-a|37.00", instance + "-b|-40.00");
      } finally {
        c.createStatement().execute("DROP TABLE IF EXISTS readings");
      }
    }
  }

  private static void publish(MqttClient client, String topic, String body) throws Exception {
    MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    client.publish(topic, message);
  }
}
