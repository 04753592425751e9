package dev.weft.connector.brokers.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BrokerContract;
import dev.weft.connector.brokers.Contexts;
import dev.weft.model.SystemDef;
import dev.weft.testkit.Services;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NatsIT extends BrokerContract {
  private static final String URL = Services.NATS.url();

  @BeforeAll
  static void nats() {
    Services.NATS.require();
  }

  @AfterEach
  void dropStream() throws Exception {
    try (Connection c = Nats.connect(URL)) {
      if (!c.jetStreamManagement().getStreamNames(topic).isEmpty())
        c.jetStreamManagement().deleteStream(NatsStreams.nameFor(topic));
    }
  }

  @Override
  protected Connector connector() {
    return new NatsConnector();
  }

  @Override
  protected SystemDef system() {
    return Contexts.system(URL, Map.of("create_stream", true, "idle", "300ms"));
  }

  @Override
  protected String freshTopic() {
    return "weft.it." + Contexts.unique("t");
  }

  @Override
  protected void publishRaw(String subject, byte[] body) throws Exception {
    try (Connection c = Nats.connect(URL)) {
      c.jetStream().publish(subject, body);
    }
  }

  @Override
  protected void assertPositions(List<SourceRecord> got, List<SinkRecord> sent) {
    String stream = NatsStreams.nameFor(topic);
    assertThat(got).extracting(SourceRecord::position)
        .containsExactly(stream + ":1", stream + ":2", stream + ":3", stream + ":4", stream + ":5");
  }

  @Test
  void theStreamDropsARepeatedMessageIdWithinItsWindow() throws Exception {
    try (Sink sink = openSink()) {
      assertThat(sink.write(records(3, "same")).written()).isEqualTo(3);
      assertThat(sink.write(records(3, "same")).written()).isEqualTo(3);
    }
    try (Connection c = Nats.connect(URL)) {
      String stream = NatsStreams.nameFor(topic);
      assertThat(c.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(3);
      MessageInfo first = c.jetStreamManagement().getMessage(stream, 1);
      assertThat(first.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("same-0");
    }
    try (var source = openSource()) {
      assertThat(numbers(recordsOf(readAll(source)))).containsExactly(0, 1, 2);
    }
  }

  @Test
  void aMissingStreamIsAConfigErrorUnlessCreating() {
    SystemDef noCreate = Contexts.system(URL, Map.of());
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(noCreate, topic, integration)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no JetStream stream takes subject '" + topic + "'");
    assertThatThrownBy(() -> connector().openSource(Contexts.source(noCreate, topic, integration)))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void aNamedStreamIsUsed() throws Exception {
    String stream = NatsStreams.nameFor(topic);
    SystemDef named = Contexts.system(URL, Map.of("stream", stream, "create_stream", true));
    try (Sink sink = connector().openSink(Contexts.sink(named, topic, integration))) {
      sink.write(records(1, "n"));
    }
    try (Connection c = Nats.connect(URL)) {
      assertThat(c.jetStreamManagement().getStreamInfo(stream).getConfiguration().getSubjects()).containsExactly(topic);
    }
  }

  @Test
  void aBrokerThatIsDownIsTransient() {
    SystemDef down = Contexts.system("nats://127.0.0.1:1", Map.of());
    assertThatThrownBy(() -> connector().openSink(Contexts.sink(down, topic, integration)))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("127.0.0.1:1");
  }
}
