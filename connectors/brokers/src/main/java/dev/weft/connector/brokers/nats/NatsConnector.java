package dev.weft.connector.brokers.nats;

import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.brokers.Topics;
import dev.weft.model.SystemDef;

/** NATS with JetStream: {@code nats://} URLs. */
public final class NatsConnector implements Connector {

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public boolean accepts(SystemDef system) {
    return system.scheme().equals("nats");
  }

  @Override
  public Source openSource(SourceContext context) throws ConnectorException {
    return NatsSource.open(context, Topics.of(context));
  }

  @Override
  public Sink openSink(SinkContext context) throws ConnectorException {
    return NatsSink.open(context, Topics.of(context));
  }
}
