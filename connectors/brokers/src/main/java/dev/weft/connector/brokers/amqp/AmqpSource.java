package dev.weft.connector.brokers.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BodyCodec;
import dev.weft.connector.brokers.BodyHash;
import dev.weft.connector.brokers.BrokerSettings;
import dev.weft.connector.brokers.Inbox;
import dev.weft.connector.brokers.MessageRecords;
import dev.weft.connector.brokers.PendingAcks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes a queue with manual acks. A batch's messages are acked (up to its last delivery tag)
 * only when the engine reports it committed; closing the channel gives back the rest.
 */
final class AmqpSource implements dev.weft.connector.Source {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AmqpSource.class);

  private final Connection connection;
  private final Channel channel;
  private final String queue;
  private final BrokerSettings settings;
  private final MessageRecords records;
  private final Inbox<Delivery> inbox = new Inbox<>();
  private final PendingAcks<Long> pending;
  private volatile String lost = "";

  private AmqpSource(Connection connection, Channel channel, String queue, BrokerSettings settings, MessageRecords records) {
    this.connection = connection;
    this.channel = channel;
    this.queue = queue;
    this.settings = settings;
    this.records = records;
    this.pending = new PendingAcks<>(queue);
  }

  static AmqpSource open(SourceContext context, String queue) throws ConnectorException {
    BrokerSettings settings = BrokerSettings.of(context.system());
    MessageRecords records = new MessageRecords(BodyCodec.of(context.system(), context.source().records()));
    Connection connection = AmqpConnections.open(context.system(), "weft " + context.flow().id() + " (source)");
    try {
      AmqpConnections.queue(connection, queue, settings.declare(), context.system().id());
      Channel channel = connection.createChannel();
      AmqpSource source = new AmqpSource(connection, channel, queue, settings, records);
      channel.basicQos(settings.prefetch());
      channel.basicConsume(
          queue,
          false,
          (tag, delivery) -> source.inbox.put(delivery),
          tag -> source.lost = "the broker cancelled the consumer of queue '" + queue + "' (deleted?)");
      log.info("consuming queue '{}' on {}", queue, context.system().id());
      return source;
    } catch (IOException e) {
      AmqpConnections.closeQuietly(connection);
      throw new TransientException("cannot consume queue '" + queue + "'", e);
    } catch (ConnectorException | RuntimeException e) {
      AmqpConnections.closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    List<Delivery> deliveries;
    try {
      deliveries = inbox.take(maxRecords, settings.idle(), settings.gap());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while reading queue '" + queue + "'", e);
    }
    if (deliveries.isEmpty()) {
      if (!lost.isEmpty()) throw new TransientException(lost);
      if (!channel.isOpen()) throw new TransientException("the channel reading queue '" + queue + "' closed");
      return Batch.last(List.of(), from);
    }
    List<SourceRecord> out = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      String id = d.getProperties().getMessageId();
      String position = id != null && !id.isEmpty() ? id : BodyHash.of(d.getBody());
      out.addAll(records.of(d.getBody(), queue + ":" + position));
    }
    long lastTag = deliveries.getLast().getEnvelope().getDeliveryTag();
    return Batch.more(out, pending.add(List.of(lastTag)));
  }

  @Override
  public void committed(Checkpoint checkpoint) throws ConnectorException {
    List<Long> tags = pending.release(checkpoint);
    if (tags.isEmpty()) return;
    try {
      channel.basicAck(tags.getLast(), true);
    } catch (IOException e) {
      throw new TransientException("cannot acknowledge messages of queue '" + queue + "'", e);
    }
  }

  @Override
  public void close() {
    AmqpConnections.closeQuietly(connection);
  }
}
