package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import dev.weft.engine.Connectors;
import dev.weft.testkit.Services;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event triggers on a real server with a PostgreSQL store and target: messages published to
 * RabbitMQ, Mosquitto and NATS JetStream land in a table once each (upsert by key), runs are
 * recorded with trigger "event", a disabled instance stops its subscription and what was published
 * meanwhile arrives when it is enabled again, and nothing is left unacknowledged.
 */
class EventTriggersIT {
  @TempDir Path dir;
  private final String suffix = Long.toHexString(System.nanoTime());
  private final String table = "srvevents_" + suffix;
  private final String topic = "srvevents." + suffix;
  private final String instance = "acme-" + suffix; // MQTT sessions are per instance: a fresh one per test
  private WeftServer server;

  @BeforeEach
  void services() {
    Services.POSTGRESQL.require();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  @Test
  void amqp_messages_become_rows_once_each() throws Exception {
    Services.RABBITMQ.require();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setPort(Services.RABBITMQ.port());
    try (com.rabbitmq.client.Connection c = factory.newConnection(); Channel ch = c.createChannel()) {
      ch.queueDeclare(topic, true, false, false, null);
      try {
        scenario("amqp://guest:guest@127.0.0.1:5672/", "{ idle: 300ms }",
            body -> ch.basicPublish("", topic, null, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(ch.queueDeclarePassive(topic).getMessageCount()).as("every message acknowledged").isZero();
      } finally {
        ch.queueDelete(topic);
      }
    }
  }

  @Test
  void mqtt_messages_become_rows_once_each() throws Exception {
    Services.MOSQUITTO.require();
    String mqttTopic = "srvevents/" + suffix;
    MqttClient publisher = new MqttClient("tcp://127.0.0.1:1883", "srvevents-pub-" + suffix, null);
    try {
      publisher.connect();
      scenario("mqtt://127.0.0.1:1883", "{ idle: 300ms }", mqttTopic, body -> {
        MqttMessage m = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        publisher.publish(mqttTopic, m);
      });
      publisher.disconnect();
    } finally {
      if (publisher.isConnected()) publisher.disconnect();
      publisher.close();
    }
  }

  @Test
  void nats_messages_become_rows_once_each() throws Exception {
    Services.NATS.require();
    String stream = "SRVEVENTS_" + suffix.toUpperCase();
    try (io.nats.client.Connection nats = Nats.connect(Services.NATS.url())) {
      nats.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream).subjects(topic).storageType(StorageType.File).build());
      try {
        scenario("nats://127.0.0.1:4222", "{ idle: 300ms }", body -> nats.jetStream().publish(topic, body.getBytes(StandardCharsets.UTF_8)));
        var consumers = nats.jetStreamManagement().getConsumers(stream);
        assertThat(consumers).hasSize(1);
        assertThat(consumers.get(0).getNumAckPending()).as("nothing left unacknowledged").isZero();
        assertThat(consumers.get(0).getNumPending()).isZero();
      } finally {
        nats.jetStreamManagement().deleteStream(stream);
      }
    }
  }

  interface Publisher {
    void publish(String body) throws Exception;
  }

  private void scenario(String busUrl, String options, Publisher publisher) throws Exception {
    scenario(busUrl, options, topic, publisher);
  }

  private void scenario(String busUrl, String options, String busTopic, Publisher publisher) throws Exception {
    try (Connection c = target(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (order_id INT PRIMARY KEY, total NUMERIC(10,2))");
    }
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("bus.yaml"), spec(busUrl, options, busTopic));
    server = WeftServer.start(new WeftServer.Settings(specs, Services.POSTGRESQL.url() + "&currentSchema=weft_srvevents_" + suffix,
        "127.0.0.1", 0, Optional.of(Fixture.MASTER_KEY), dir.resolve("master.key"), Optional.of(Fixture.ADMIN),
        WeftServer.Settings.DEFAULT_BODY_LIMIT, 2, Duration.ofMillis(200), name -> Optional.empty(), Connectors.discovered()),
        ServerTuning.defaults().withLease(Duration.ofSeconds(2)).withEvents(Duration.ofMillis(800), Duration.ofMinutes(1), Duration.ofMillis(300)));
    Fixture.Response created = call("POST", "/api/instances", Json.write(Map.of("id", instance, "customer", "acme", "integration", "bus-orders",
        "environment", "test", "config", Map.of())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> server.events().active() == 1);

    publisher.publish("{\"id\": 1, \"total\": 10.5}");
    publisher.publish("{\"id\": 2, \"total\": 20}");
    publisher.publish("{\"id\": 1, \"total\": 11}"); // a change of order 1: upserted, not doubled
    await().atMost(Duration.ofSeconds(30)).until(() -> rows().size() == 2 && rows().contains("1=11.00"));
    assertThat(rows()).containsExactly("1=11.00", "2=20.00");

    // disabled: the subscription closes; what is published meanwhile waits on the broker
    assertThat(call("POST", "/api/instances/" + instance + "/disable", null).status()).isEqualTo(200);
    assertThat(server.events().active()).isZero();
    publisher.publish("{\"id\": 3, \"total\": 30}");
    assertThat(call("POST", "/api/instances/" + instance + "/enable", null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> rows().size() == 3);
    assertThat(rows()).containsExactly("1=11.00", "2=20.00", "3=30.00");

    await().atMost(Duration.ofSeconds(30)).until(() -> !server.store().runs().recent(instance, "orders", 100).stream()
        .anyMatch(r -> r.finishedAt().isEmpty()));
    var runs = server.store().runs().recent(instance, "orders", 100);
    assertThat(runs).isNotEmpty().allSatisfy(r -> {
      assertThat(r.trigger()).isEqualTo("event");
      assertThat(r.status().name()).isEqualTo("SUCCEEDED");
    });
    assertThat(runs.stream().mapToLong(r -> r.counts().read()).sum()).as("each message read once").isEqualTo(4);
    assertThat(runs.size()).as("messages close together share a run").isLessThan(4);
    assertThat(server.events().active()).isEqualTo(1);
    server.close();
    server = null;
  }

  private String spec(String busUrl, String options, String busTopic) {
    return """
        weft: 1
        id: bus-orders
        name: Bus orders
        systems:
          bus:
            name: Bus
            connection: broker
            url: "BUS"
            format: json
            auth: { method: none }
            options: OPTIONS
          db:
            name: Orders database
            ours: true
            connection: datastore
            url: "jdbc:postgresql://127.0.0.1:5432/test"
            auth: { method: password, scope: system, username: postgres, password: "" }
        flows:
          - id: orders
            trigger:
              event: { system: bus, topic: "TOPIC" }
            source: { system: bus }
            map:
              - { from: id, to: order_id, required: true }
              - { from: total, to: total }
            target: { system: db, table: TABLE, write: upsert, key: order_id }
        """.replace("BUS", busUrl).replace("OPTIONS", options).replace("TOPIC", busTopic).replace("TABLE", table);
  }

  private Fixture.Response call(String method, String path, String body) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path)).header("Authorization", "Bearer " + Fixture.ADMIN)
        .header("Content-Type", "application/json")
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    var r = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Fixture.Response(r.statusCode(), r.body());
  }

  private List<String> rows() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = target(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT order_id, total FROM " + table + " ORDER BY order_id")) {
      while (r.next()) out.add(r.getInt(1) + "=" + r.getBigDecimal(2));
    }
    return out;
  }

  private static Connection target() throws Exception {
    return DriverManager.getConnection(Services.POSTGRESQL.url());
  }
}
