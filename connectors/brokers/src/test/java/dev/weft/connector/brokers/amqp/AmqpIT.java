package dev.weft.connector.brokers.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.connector.brokers.BrokerContract;
import dev.weft.connector.brokers.Contexts;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import dev.weft.testkit.Services;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AmqpIT extends BrokerContract {
  private static final String URL = "amqp://127.0.0.1:5672/";

  @BeforeAll
  static void rabbit() {
    Services.RABBITMQ.require();
  }

  @AfterEach
  void dropQueue() throws Exception {
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      ch.queueDelete(topic);
    }
  }

  @Override
  protected Connector connector() {
    return new AmqpConnector();
  }

  @Override
  protected SystemDef system() {
    return Contexts.system(URL, password("guest"), Map.of("declare", true, "idle", "300ms"));
  }

  private static Auth password(String password) {
    return new Auth.Password(Auth.Scope.SYSTEM, "guest", password);
  }

  @Override
  protected String freshTopic() {
    return Contexts.unique("weft-it");
  }

  static Connection raw() throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    f.setPort(Services.RABBITMQ.port());
    return f.newConnection();
  }

  @Override
  protected void publishRaw(String queue, byte[] body) throws Exception {
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      ch.basicPublish("", queue, null, body);
    }
  }

  @Test
  void publishesPersistentMessagesWithTheRecordIdAsMessageId() throws Exception {
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      ch.queueDeclare(topic, true, false, false, null);
      try (Sink sink = connector().openSink(Contexts.sink(Contexts.system(URL, password("guest"), Map.of()), topic, integration))) {
        sink.write(records(1, "id"));
      }
      GetResponse got = ch.basicGet(topic, true);
      assertThat(got.getProps().getMessageId()).isEqualTo("id-0");
      assertThat(got.getProps().getDeliveryMode()).isEqualTo(2);
      assertThat(new String(got.getBody())).isEqualTo("{\"n\":0,\"name\":\"order 0\"}");
    }
  }

  @Test
  void aBatchTheBrokerNacksIsTransient() throws Exception {
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      ch.queueDeclare(topic, true, false, false, Map.of("x-max-length", 2, "x-overflow", "reject-publish"));
    }
    try (Sink sink = connector().openSink(Contexts.sink(Contexts.system(URL, password("guest"), Map.of()), topic, integration))) {
      assertThatThrownBy(() -> sink.write(records(3, "full")))
          .isInstanceOf(TransientException.class)
          .hasMessageContaining("did not confirm");
      // the channel closed with the nack; the sink opens a new one for the next batch
      try (Connection c = raw(); Channel ch = c.createChannel()) {
        ch.queuePurge(topic);
      }
      assertThat(sink.write(records(1, "after")).written()).isEqualTo(1);
    }
  }

  @Test
  void messagesNoQueueTakesAreRejected() throws Exception {
    SystemDef viaExchange = Contexts.system(URL, password("guest"), Map.of("exchange", "amq.direct"));
    try (Sink sink = connector().openSink(Contexts.sink(viaExchange, topic, integration))) {
      WriteResult result = sink.write(records(2, "lost"));
      assertThat(result.written()).isZero();
      assertThat(result.rejected()).extracting(WriteResult.Rejected::index).containsExactlyInAnyOrder(0, 1);
      assertThat(result.rejected().getFirst().reason()).contains("no queue took the message");
    }
  }

  @Test
  void aMissingQueueIsAConfigErrorWhenNotDeclaring() {
    SystemDef noDeclare = Contexts.system(URL, password("guest"), Map.of());
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(noDeclare, topic, integration)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("queue '" + topic + "' does not exist");
    assertThatThrownBy(() -> connector().openSource(Contexts.source(noDeclare, topic, integration)))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void declaringWithAnExchangeBindsTheQueueByItsName() throws Exception {
    SystemDef declaring = Contexts.system(URL, password("guest"), Map.of("exchange", "amq.direct", "declare", true));
    try (Sink sink = connector().openSink(Contexts.sink(declaring, topic, integration))) {
      assertThat(sink.write(records(2, "bound")).written()).isEqualTo(2);
    }
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      assertThat(ch.queueDeclarePassive(topic).getMessageCount()).isEqualTo(2);
    }
  }

  @Test
  void aMissingExchangeIsAConfigError() {
    SystemDef system = Contexts.system(URL, password("guest"), Map.of("exchange", "weft-no-such-exchange"));
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(system, topic, integration)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exchange 'weft-no-such-exchange' does not exist");
  }

  @Test
  void wrongCredentialsAreAConfigErrorThatHidesThePassword() {
    SystemDef wrong = Contexts.system(URL, password("not-the-password-s3cr3t"), Map.of("declare", true));
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(wrong, topic, integration)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.userMessage()).contains("refused the login of user 'guest'");
              assertThat(e.getMessage()).doesNotContain("s3cr3t");
              assertThat(e.userMessage()).doesNotContain("s3cr3t");
            });
  }

  @Test
  void credentialsMayComeFromTheUrl() throws Exception {
    SystemDef inUrl = Contexts.system("amqp://guest:guest@127.0.0.1:5672/%2F", Map.of("declare", true));
    try (Sink sink = connector().openSink(Contexts.sink(inUrl, topic, integration))) {
      assertThat(sink.write(records(1, "u")).written()).isEqualTo(1);
    }
  }

  @Test
  void aBrokerThatIsDownIsTransient() {
    SystemDef down = Contexts.system("amqp://guest:guest@127.0.0.1:1/", Map.of());
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(down, topic, integration)))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("cannot reach RabbitMQ at 127.0.0.1:1")
        .hasMessageNotContaining("guest:guest");
  }

}
