package dev.weft.connector.brokers.mqtt;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.connector.brokers.BodyCodec;
import dev.weft.connector.brokers.BrokerAddress;
import dev.weft.connector.brokers.BrokerSettings;
import dev.weft.connector.brokers.FlowNames;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * Publishes each record at QoS 1 with the user property {@value #MESSAGE_ID}, keeping as many
 * messages in flight as the broker allows, and returns once every PUBACK came.
 */
final class MqttSink implements Sink {
  /** The MQTT v5 user property that carries the stable message id. */
  static final String MESSAGE_ID = "weft-message-id";

  private final MqttAsyncClient client;
  private final int window;
  private final String topic;
  private final BodyCodec codec;
  private final BrokerSettings settings;
  private final BrokerAddress address;
  private final String systemId;
  private volatile String lost = "";

  private MqttSink(MqttClients.Connected connected, String topic, BodyCodec codec, BrokerSettings settings, BrokerAddress address, String systemId) {
    this.client = connected.client();
    this.window = Math.min(connected.receiveMaximum(), 1_000);
    this.topic = topic;
    this.codec = codec;
    this.settings = settings;
    this.address = address;
    this.systemId = systemId;
  }

  static MqttSink open(SinkContext context, String topic) throws ConnectorException {
    BrokerSettings settings = BrokerSettings.of(context.system());
    BodyCodec codec = BodyCodec.of(context.system());
    BrokerAddress address = BrokerAddress.of(context.system(), 1883, 8883);
    String clientId = settings.clientId().map(id -> id + "-out").orElse(FlowNames.of(context.run(), context.flow(), "out"));
    MqttSink[] self = new MqttSink[1];
    MqttEvents events =
        new MqttEvents() {
          void arrived(String t, MqttMessage m) {}

          void lost(String why) {
            if (self[0] != null) self[0].lost = why;
          }
        };
    MqttClients.Connected connected = MqttClients.connect(context.system(), clientId, settings, events, false);
    self[0] = new MqttSink(connected, topic, codec, settings, address, context.system().id());
    return self[0];
  }

  private record InFlight(int index, IMqttToken token) {}

  @Override
  public WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    if (!lost.isEmpty()) throw new TransientException(lost);
    List<WriteResult.Rejected> rejected = new ArrayList<>();
    Deque<InFlight> inFlight = new ArrayDeque<>();
    try {
      for (int i = 0; i < batch.size(); i++) {
        SinkRecord record = batch.get(i);
        byte[] body;
        try {
          body = codec.encode(record.value());
        } catch (IOException e) {
          rejected.add(new WriteResult.Rejected(i, "cannot write the record as " + codec.format().key() + ": " + e.getMessage()));
          continue;
        }
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(new UserProperty(MESSAGE_ID, record.id())));
        properties.setContentType(codec.contentType());
        MqttMessage message = new MqttMessage(body, 1, false, properties);
        while (inFlight.size() >= window) settle(inFlight.removeFirst(), rejected);
        inFlight.addLast(new InFlight(i, publish(message, inFlight, rejected)));
      }
      while (!inFlight.isEmpty()) settle(inFlight.removeFirst(), rejected);
    } catch (MqttException e) {
      throw MqttClients.failure(e, systemId, address);
    }
    rejected.sort(java.util.Comparator.comparingInt(WriteResult.Rejected::index));
    return new WriteResult(batch.size() - rejected.size(), rejected);
  }

  /** Publishes, first settling older messages while the client says too many are in flight. */
  private IMqttToken publish(MqttMessage message, Deque<InFlight> inFlight, List<WriteResult.Rejected> rejected)
      throws MqttException, TransientException {
    while (true) {
      try {
        return client.publish(topic, message);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) throw e;
        if (!inFlight.isEmpty()) settle(inFlight.removeFirst(), rejected);
        else pause();
      }
    }
  }

  private static void pause() throws TransientException {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while publishing to MQTT", e);
    }
  }

  private void settle(InFlight f, List<WriteResult.Rejected> rejected) throws MqttException {
    f.token().waitForCompletion(settings.confirmTimeout().toMillis());
    int[] codes = f.token().getReasonCodes();
    if (codes != null && codes.length > 0 && codes[0] >= 0x80)
      rejected.add(new WriteResult.Rejected(f.index(), "the MQTT broker refused the message (reason code 0x" + Integer.toHexString(codes[0]) + ")"));
  }

  @Override
  public void close() {
    MqttClients.close(client);
  }
}
