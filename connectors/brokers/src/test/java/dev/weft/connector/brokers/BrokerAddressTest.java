package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.model.Auth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerAddressTest {

  @Test
  void credentialsComeFromTheUrlAndTheyStayOutOfToString() throws Exception {
    BrokerAddress a = BrokerAddress.of(Contexts.system("amqps://bob:p%40ss@mq.example/%2Fshop", Map.of()), 5672, 5671);
    assertThat(a.tls()).isTrue();
    assertThat(a.port()).isEqualTo(5671);
    assertThat(a.username()).contains("bob");
    assertThat(a.password()).contains("p@ss");
    assertThat(a.path()).isEqualTo("//shop");
    assertThat(a.toString()).doesNotContain("p@ss").contains("bob@mq.example:5671");
  }

  @Test
  void passwordAuthWinsOverTheUrl() throws Exception {
    Auth auth = new Auth.Password(Auth.Scope.SYSTEM, "alice", "s3cret");
    BrokerAddress a = BrokerAddress.of(Contexts.system("nats://bob:x@127.0.0.1:4223", auth, Map.of()), 4222, 4222);
    assertThat(a.tls()).isFalse();
    assertThat(a.port()).isEqualTo(4223);
    assertThat(a.username()).contains("alice");
    assertThat(a.password()).contains("s3cret");
  }

  @Test
  void otherAuthMethodsAreRefused() {
    Auth bearer = new Auth.Bearer(Auth.Scope.SYSTEM, "t");
    assertThatThrownBy(() -> BrokerAddress.of(Contexts.system("mqtt://h", bearer, Map.of()), 1883, 8883))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not 'bearer'");
  }
}
