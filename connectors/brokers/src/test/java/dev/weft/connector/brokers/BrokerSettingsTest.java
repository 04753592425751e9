package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  @Test
  void defaults() throws Exception {
    BrokerSettings s = BrokerSettings.of(Contexts.system("amqp://h", Map.of()));
    assertThat(s.idle()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.exchange()).isEmpty();
    assertThat(s.declare()).isFalse();
    assertThat(s.createStream()).isFalse();
    assertThat(s.prefetch()).isEqualTo(1000);
    assertThat(s.gap()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void readsDurationsBooleansAndNumbers() throws Exception {
    BrokerSettings s =
        BrokerSettings.of(
            Contexts.system(
                "amqp://h",
                Map.of("idle", "250ms", "ack_wait", 2, "session_expiry", "7d", "declare", "true", "exchange", "events", "prefetch", "50")));
    assertThat(s.idle()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.gap()).isEqualTo(Duration.ofMillis(25));
    assertThat(s.ackWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.sessionExpiry()).isEqualTo(Duration.ofDays(7));
    assertThat(s.declare()).isTrue();
    assertThat(s.exchange()).isEqualTo("events");
    assertThat(s.prefetch()).isEqualTo(50);
  }

  @Test
  void namesTheOptionThatIsWrong() {
    assertThatThrownBy(() -> BrokerSettings.of(Contexts.system("amqp://h", Map.of("idle", "soon"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("options.idle");
    assertThatThrownBy(() -> BrokerSettings.of(Contexts.system("amqp://h", Map.of("declare", "yes please"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("options.declare");
    assertThatThrownBy(() -> BrokerSettings.of(Contexts.system("amqp://h", Map.of("prefetch", 0))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("options.prefetch");
  }
}
