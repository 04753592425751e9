package dev.weft.connector.brokers.nats;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BodyCodec;
import dev.weft.connector.brokers.BrokerSettings;
import dev.weft.connector.brokers.FlowNames;
import dev.weft.connector.brokers.MessageRecords;
import dev.weft.connector.brokers.PendingAcks;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Reads a JetStream stream through a durable pull consumer named per flow. Messages are acked
 * once their batch is committed; those still unacked when the source closes are nak'ed, so the
 * next run gets them at once (after a crash, after the consumer's ack wait).
 */
final class NatsSource implements Source {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NatsSource.class);
  private final Connection connection;
  private final JetStreamSubscription subscription;
  private final String stream;
  private final BrokerSettings settings;
  private final MessageRecords records;
  private final PendingAcks<Message> pending;

  private NatsSource(Connection connection, JetStreamSubscription subscription, String stream, BrokerSettings settings, MessageRecords records) {
    this.connection = connection;
    this.subscription = subscription;
    this.stream = stream;
    this.settings = settings;
    this.records = records;
    this.pending = new PendingAcks<>(stream);
  }

  static NatsSource open(SourceContext context, String subject) throws ConnectorException {
    BrokerSettings settings = BrokerSettings.of(context.system());
    MessageRecords records = new MessageRecords(BodyCodec.of(context.system(), context.source().records()));
    String durable = FlowNames.of(context.run(), context.flow(), "in");
    Connection connection = NatsConnections.open(context.system(), "weft " + context.flow().id() + " (source)");
    try {
      String stream = NatsStreams.find(connection, subject, settings, context.system().id());
      ConsumerConfiguration consumer =
          ConsumerConfiguration.builder()
              .durable(durable)
              .ackPolicy(AckPolicy.Explicit)
              .ackWait(settings.ackWait())
              .filterSubject(subject)
              .build();
      PullSubscribeOptions options = PullSubscribeOptions.builder().stream(stream).configuration(consumer).build();
      JetStreamSubscription subscription = connection.jetStream().subscribe(subject, options);
      log.info("reading subject '{}' of stream '{}' on {} as consumer '{}'", subject, stream, context.system().id(), durable);
      return new NatsSource(connection, subscription, stream, settings, records);
    } catch (JetStreamApiException | IllegalArgumentException e) {
      NatsConnections.closeQuietly(connection);
      throw new ConfigException(
          "cannot create the JetStream consumer '" + durable + "' on subject '" + subject + "': " + e.getMessage(), e);
    } catch (IOException e) {
      NatsConnections.closeQuietly(connection);
      throw new TransientException("cannot subscribe to NATS subject '" + subject + "'", e);
    } catch (ConnectorException | RuntimeException e) {
      NatsConnections.closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    if (connection.getStatus() != Connection.Status.CONNECTED)
      throw new TransientException("lost the connection to NATS (" + connection.getStatus() + ")");
    List<Message> messages;
    try {
      messages = subscription.fetch(maxRecords, settings.idle());
    } catch (RuntimeException e) {
      throw new TransientException("cannot fetch from NATS stream '" + stream + "'", e);
    }
    if (messages.isEmpty()) return Batch.last(List.of(), from);
    List<SourceRecord> out = new ArrayList<>(messages.size());
    for (Message m : messages) out.addAll(records.of(m.getData(), stream + ":" + m.metaData().streamSequence()));
    return Batch.more(out, pending.add(messages));
  }

  @Override
  public void committed(Checkpoint checkpoint) throws ConnectorException {
    List<Message> messages = pending.release(checkpoint);
    if (messages.isEmpty()) return;
    messages.forEach(Message::ack);
    flush();
  }

  private void flush() throws TransientException {
    try {
      connection.flush(Duration.ofSeconds(10));
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      throw new TransientException("NATS did not take the acknowledgements in time", e);
    }
  }

  @Override
  public void close() {
    try {
      pending.drain().forEach(Message::nak);
      flush();
    } catch (RuntimeException | TransientException e) {
      // the messages come again after the ack wait
    }
    NatsConnections.closeQuietly(connection);
  }
}
