package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Connector;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BrokerConnectorsTest {
  private final List<Connector> connectors = ServiceLoader.load(Connector.class).stream().map(ServiceLoader.Provider::get).toList();

  private List<String> acceptedBy(String url) {
    return connectors.stream().filter(c -> c.accepts(Contexts.system(url, Map.of()))).map(Connector::name).toList();
  }

  @Test
  void eachSchemeHasExactlyOneBrokerConnector() {
    assertThat(acceptedBy("amqp://h/")).containsExactly("amqp");
    assertThat(acceptedBy("amqps://h/")).containsExactly("amqp");
    assertThat(acceptedBy("mqtt://h")).containsExactly("mqtt");
    assertThat(acceptedBy("mqtts://h")).containsExactly("mqtt");
    assertThat(acceptedBy("nats://h")).containsExactly("nats");
    assertThat(acceptedBy("https://h")).isEmpty();
  }
}
