package dev.weft.connector.brokers.mqtt;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BodyCodec;
import dev.weft.connector.brokers.BodyHash;
import dev.weft.connector.brokers.BrokerAddress;
import dev.weft.connector.brokers.BrokerSettings;
import dev.weft.connector.brokers.FlowNames;
import dev.weft.connector.brokers.Inbox;
import dev.weft.connector.brokers.MessageRecords;
import dev.weft.connector.brokers.PendingAcks;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * Subscribes at QoS 1 in a persistent session with manual acks: a message is acknowledged only
 * once its batch is committed, so what was not committed comes again in the next session.
 */
final class MqttSource implements Source {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MqttSource.class);
  private record Arrived(String topic, MqttMessage message) {}

  private final Inbox<Arrived> inbox = new Inbox<>();
  private final PendingAcks<MqttMessage> pending;
  private final BrokerSettings settings;
  private final MessageRecords records;
  private final BrokerAddress address;
  private final String systemId;
  private MqttAsyncClient client;
  private volatile String lost = "";

  private MqttSource(String topic, BrokerSettings settings, MessageRecords records, BrokerAddress address, String systemId) {
    this.pending = new PendingAcks<>(topic);
    this.settings = settings;
    this.records = records;
    this.address = address;
    this.systemId = systemId;
  }

  static MqttSource open(SourceContext context, String topic) throws ConnectorException {
    BrokerSettings settings = BrokerSettings.of(context.system());
    MessageRecords records = new MessageRecords(BodyCodec.of(context.system(), context.source().records()));
    BrokerAddress address = BrokerAddress.of(context.system(), 1883, 8883);
    MqttSource source = new MqttSource(topic, settings, records, address, context.system().id());
    String clientId = settings.clientId().map(id -> id + "-in").orElse(FlowNames.of(context.run(), context.flow(), "in"));
    MqttEvents events =
        new MqttEvents() {
          void arrived(String t, MqttMessage m) {
            source.inbox.put(new Arrived(t, m));
          }

          void lost(String why) {
            source.lost = why;
          }
        };
    source.client = MqttClients.connect(context.system(), clientId, settings, events, true).client();
    try {
      MqttSubscription subscription = new MqttSubscription(topic, 1);
      subscription.setRetainHandling(1); // retained messages only when the subscription is new
      IMqttToken token = source.client.subscribe(subscription);
      token.waitForCompletion(15_000);
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80)
        throw new ConfigException(
            "the MQTT broker at " + address.where() + " refused the subscription to '" + topic + "' (reason code 0x"
                + Integer.toHexString(codes[0]) + ")");
      log.info("subscribed to '{}' on {} as client '{}'", topic, context.system().id(), clientId);
      return source;
    } catch (MqttException e) {
      source.close();
      throw MqttClients.failure(e, context.system().id(), address);
    } catch (ConnectorException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    List<Arrived> arrived;
    try {
      arrived = inbox.take(maxRecords, settings.idle(), settings.gap());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while reading MQTT messages", e);
    }
    if (arrived.isEmpty()) {
      if (!lost.isEmpty()) throw new TransientException(lost);
      return Batch.last(List.of(), from);
    }
    List<SourceRecord> out = new ArrayList<>(arrived.size());
    List<MqttMessage> messages = new ArrayList<>(arrived.size());
    for (Arrived a : arrived) {
      byte[] body = a.message().getPayload();
      out.addAll(records.of(body, a.topic() + ":" + messageId(a.message()).orElseGet(() -> BodyHash.of(body))));
      messages.add(a.message());
    }
    return Batch.more(out, pending.add(messages));
  }

  private static java.util.Optional<String> messageId(MqttMessage message) {
    if (message.getProperties() == null || message.getProperties().getUserProperties() == null)
      return java.util.Optional.empty();
    return message.getProperties().getUserProperties().stream()
        .filter(p -> p.getKey().equals(MqttSink.MESSAGE_ID))
        .map(UserProperty::getValue)
        .findFirst();
  }

  @Override
  public void committed(Checkpoint checkpoint) throws ConnectorException {
    try {
      for (MqttMessage m : pending.release(checkpoint)) client.messageArrivedComplete(m.getId(), m.getQos());
    } catch (MqttException e) {
      throw MqttClients.failure(e, systemId, address);
    }
  }

  @Override
  public void close() {
    MqttClients.close(client);
  }
}
