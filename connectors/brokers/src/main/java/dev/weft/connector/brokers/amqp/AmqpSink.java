package dev.weft.connector.brokers.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.Return;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.connector.brokers.BodyCodec;
import dev.weft.connector.brokers.BrokerSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each record as one persistent message (message id = the record's id) to the
 * exchange, routed by the topic, and waits for the broker to confirm the whole batch. Messages
 * no queue takes (returned as unroutable) are rejected record by record.
 */
final class AmqpSink implements dev.weft.connector.Sink {
  private static final Logger log = LoggerFactory.getLogger(AmqpSink.class);

  private final Connection connection;
  private final BodyCodec codec;
  private final BrokerSettings settings;
  private final String exchange;
  private final String routingKey;
  private final Map<String, String> returned = new ConcurrentHashMap<>();
  private Channel channel;

  private AmqpSink(Connection connection, BodyCodec codec, BrokerSettings settings, String routingKey) {
    this.connection = connection;
    this.codec = codec;
    this.settings = settings;
    this.exchange = settings.exchange();
    this.routingKey = routingKey;
  }

  static AmqpSink open(SinkContext context, String topic) throws ConnectorException {
    BrokerSettings settings = BrokerSettings.of(context.system());
    BodyCodec codec = BodyCodec.of(context.system());
    Connection connection = AmqpConnections.open(context.system(), "weft " + context.flow().id() + " (target)");
    try {
      String systemId = context.system().id();
      if (settings.exchange().isEmpty()) AmqpConnections.queue(connection, topic, settings.declare(), systemId);
      else {
        AmqpConnections.exchange(connection, settings.exchange(), systemId);
        if (settings.declare()) {
          AmqpConnections.queue(connection, topic, true, systemId);
          AmqpConnections.bind(connection, topic, settings.exchange());
        }
      }
      AmqpSink sink = new AmqpSink(connection, codec, settings, topic);
      sink.channel();
      log.info("publishing to exchange '{}' with routing key '{}' on {}", settings.exchange(), topic, context.system().id());
      return sink;
    } catch (ConnectorException | RuntimeException e) {
      AmqpConnections.closeQuietly(connection);
      throw e;
    }
  }

  private Channel channel() throws ConnectorException {
    if (channel != null && channel.isOpen()) return channel;
    try {
      channel = connection.createChannel();
      channel.confirmSelect();
      channel.addReturnListener((Return r) -> returned.put(messageId(r.getProperties()), r.getReplyText()));
      return channel;
    } catch (IOException e) {
      throw new TransientException("cannot open a RabbitMQ channel", e);
    }
  }

  private static String messageId(AMQP.BasicProperties p) {
    return p.getMessageId() == null ? "" : p.getMessageId();
  }

  @Override
  public WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    Channel ch = channel();
    returned.clear();
    List<WriteResult.Rejected> rejected = new ArrayList<>();
    Map<String, Integer> indexById = new HashMap<>();
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
        AMQP.BasicProperties props =
            MessageProperties.PERSISTENT_BASIC.builder()
                .messageId(record.id())
                .contentType(codec.contentType())
                .build();
        indexById.put(record.id(), i);
        ch.basicPublish(exchange, routingKey, true, props, body);
      }
      ch.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
    } catch (IOException e) {
      throw new TransientException("RabbitMQ did not confirm the batch (a message was refused or the channel closed)", e);
    } catch (TimeoutException e) {
      throw new TransientException(
          "RabbitMQ did not confirm the batch within " + settings.confirmTimeout().toSeconds() + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while waiting for RabbitMQ confirms", e);
    }
    Set<String> unroutable = Set.copyOf(returned.keySet());
    for (String id : unroutable) {
      Integer index = indexById.get(id);
      if (index != null)
        rejected.add(
            new WriteResult.Rejected(
                index,
                "no queue took the message (routing key '" + routingKey + "' on exchange '" + exchange + "'): "
                    + returned.get(id)));
    }
    return new WriteResult(batch.size() - rejected.size(), rejected);
  }

  @Override
  public void close() {
    AmqpConnections.closeQuietly(connection);
  }
}
