package dev.weft.connector.brokers.amqp;

import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.brokers.Topics;
import dev.weft.model.SystemDef;

/** RabbitMQ and other AMQP 0-9-1 brokers: {@code amqp://} and {@code amqps://} URLs. */
public final class AmqpConnector implements Connector {

  @Override
  public String name() {
    return "amqp";
  }

  @Override
  public boolean accepts(SystemDef system) {
    return system.scheme().equals("amqp") || system.scheme().equals("amqps");
  }

  @Override
  public Source openSource(SourceContext context) throws ConnectorException {
    return AmqpSource.open(context, Topics.of(context));
  }

  @Override
  public Sink openSink(SinkContext context) throws ConnectorException {
    return AmqpSink.open(context, Topics.of(context));
  }
}
