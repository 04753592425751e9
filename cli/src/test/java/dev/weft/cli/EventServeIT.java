package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.testkit.Services;
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
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/mqtt-readings-to-postgres.yaml served by a real {@code weft serve} process: readings
 * published to Mosquitto land in a PostgreSQL table through the flow's event trigger, a message
 * sent twice is one row, runs are recorded with trigger "event", and SIGTERM stops the server.
 */
class EventServeIT {
  private static final Path EXAMPLE = Path.of("..", "examples", "mqtt-readings-to-postgres.yaml").toAbsolutePath().normalize();

  @Test
  void an_mqtt_event_flows_into_a_postgres_table(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(EXAMPLE), "no " + EXAMPLE);
    Services.POSTGRESQL.require();
    Services.MOSQUITTO.require();
    String suffix = Long.toHexString(System.nanoTime());
    String table = "srvevents_readings_" + suffix;
    String topicRoot = "srvevents-" + suffix;
    String text = Files.readString(EXAMPLE).replace("table: readings", "table: " + table)
        .replace("greenhouse/+/temperature", topicRoot + "/+/temperature");
    assertThat(text).contains(table).contains(topicRoot);
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("mqtt.yaml"), text);
    try (Connection db = DriverManager.getConnection(Services.POSTGRESQL.url()); Statement s = db.createStatement()) {
      s.execute("CREATE TABLE " + table + " (sensor_id TEXT, taken_at TIMESTAMPTZ, celsius NUMERIC(8,2), PRIMARY KEY (sensor_id, taken_at))");
      MqttClient publisher = new MqttClient("tcp://127.0.0.1:" + Services.MOSQUITTO.port(), "srvevents-it-" + suffix, null);
      try (ServeProcess server = ServeProcess.start(dir, specs, "jdbc:h2:file:" + dir.resolve("state"), 0)) {
        String instance = "gh-" + suffix;
        ServeProcess.Answer created = server.call("POST", "/api/instances", "{\"id\": \"" + instance + "\", \"customer\": \"growers\","
            + " \"integration\": \"mqtt-readings-to-postgres\", \"environment\": \"test\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> server.call("GET", "/metrics", null).body()
            .contains("weft_event_subscriptions 1.0"));

        publisher.connect();
        publish(publisher, topicRoot + "/gh-1/temperature", "{\"sensor\": \"gh-1\", \"ts\": \"2026-11-26T12:00:00Z\", \"fahrenheit\": 212}");
        publish(publisher, topicRoot + "/gh-2/temperature", "{\"sensor\": \"gh-2\", \"ts\": \"2026-11-26T12:00:00Z\", \"fahrenheit\": 32}");
        publish(publisher, topicRoot + "/gh-2/temperature", "{\"sensor\": \"gh-2\", \"ts\": \"2026-11-26T12:00:00Z\", \"fahrenheit\": 32}");
        publish(publisher, topicRoot + "/gh-3/humidity", "{\"sensor\": \"gh-3\", \"ts\": \"2026-11-26T12:00:00Z\", \"percent\": 40}");
        publisher.disconnect();

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(db, table).size() == 2);
        assertThat(rows(db, table)).containsExactly("gh-1=100.00", "gh-2=0.00");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.call("GET", "/api/runs?instance=" + instance, null).body()
            .contains("\"status\":\"succeeded\""));
        String runs = server.call("GET", "/api/runs?instance=" + instance, null).body();
        assertThat(runs).contains("\"trigger\":\"event\"").doesNotContain("\"trigger\":\"manual\"").doesNotContain("\"status\":\"failed\"");
        assertThat(server.terminate(Duration.ofSeconds(60))).as("stopped on SIGTERM").isNotNegative();
      } finally {
        if (publisher.isConnected()) publisher.disconnect();
      publisher.close();
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  private static void publish(MqttClient client, String topic, String body) throws Exception {
    MqttMessage m = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    client.publish(topic, m);
  }

  private static List<String> rows(Connection db, String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT sensor_id, celsius FROM " + table + " ORDER BY sensor_id")) {
      while (r.next()) out.add(r.getString(1) + "=" + r.getBigDecimal(2));
    }
    return out;
  }
}
