package dev.weft.connector.brokers.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.Source;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BrokerContract;
import dev.weft.connector.brokers.Contexts;
import dev.weft.model.SystemDef;
import dev.weft.testkit.Services;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttIT extends BrokerContract {
  private static final String URL = "mqtt://127.0.0.1:" + Services.MOSQUITTO.port();

  @BeforeAll
  static void mosquitto() {
    Services.MOSQUITTO.require();
  }

  @Override
  protected Connector connector() {
    return new MqttConnector();
  }

  @Override
  protected SystemDef system() {
    return Contexts.system(URL, Map.of("idle", "300ms", "session_expiry", "5m"));
  }

  @Override
  protected String freshTopic() {
    return "weft/it/" + Contexts.unique("t");
  }

  @Override
  protected void publishRaw(String topic, byte[] body) throws Exception {
    MqttClient client = new MqttClient("tcp://127.0.0.1:" + Services.MOSQUITTO.port(), Contexts.unique("raw"), new MemoryPersistence());
    client.connect();
    MqttMessage message = new MqttMessage(body);
    message.setQos(1);
    client.publish(topic, message);
    client.disconnect();
    client.close();
  }

  @Test
  void aSessionKeepsMessagesPublishedWhileNoSourceRuns() throws Exception {
    try (Source first = openSource()) {
      assertThat(first.read(Checkpoint.START, 10).records()).isEmpty();
    }
    try (Sink sink = openSink()) {
      sink.write(records(3, "offline"));
    }
    try (Source second = openSource()) {
      Batch batch = second.read(Checkpoint.START, 10);
      assertThat(numbers(batch.records())).containsExactly(0, 1, 2);
      second.committed(batch.after());
    }
  }

  @Test
  void aBrokerThatIsDownIsTransient() {
    SystemDef down = Contexts.system("mqtt://127.0.0.1:1", Map.of());
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(down, topic, integration)))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("127.0.0.1:1");
  }
}
