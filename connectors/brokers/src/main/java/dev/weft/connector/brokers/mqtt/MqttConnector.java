package dev.weft.connector.brokers.mqtt;

import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.brokers.Topics;
import dev.weft.model.SystemDef;

/** MQTT v5 brokers (Mosquitto, EMQX, HiveMQ): {@code mqtt://} and {@code mqtts://} URLs. */
public final class MqttConnector implements Connector {

  @Override
  public String name() {
    return "mqtt";
  }

  @Override
  public boolean accepts(SystemDef system) {
    return system.scheme().equals("mqtt") || system.scheme().equals("mqtts");
  }

  @Override
  public Source openSource(SourceContext context) throws ConnectorException {
    return MqttSource.open(context, Topics.of(context));
  }

  @Override
  public Sink openSink(SinkContext context) throws ConnectorException {
    return MqttSink.open(context, Topics.of(context));
  }
}
