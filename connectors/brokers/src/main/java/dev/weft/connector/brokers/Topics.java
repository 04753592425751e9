package dev.weft.connector.brokers;

import dev.weft.connector.ConfigException;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SourceContext;
import dev.weft.model.Trigger;

/** The queue, topic or subject a flow reads or writes. */
public final class Topics {
  private Topics() {}

  /** The source's {@code topic}, else the topic of the flow's event trigger. */
  public static String of(SourceContext context) throws ConfigException {
    return context
        .source()
        .topic()
        .or(() -> context.flow().trigger(Trigger.Event.class).map(Trigger.Event::topic))
        .filter(t -> !t.isBlank())
        .orElseThrow(
            () -> new ConfigException("flow '" + context.flow().id() + "': a broker source needs a topic"));
  }

  public static String of(SinkContext context) throws ConfigException {
    return context
        .target()
        .topic()
        .filter(t -> !t.isBlank())
        .orElseThrow(
            () -> new ConfigException("flow '" + context.flow().id() + "': a broker target needs a topic"));
  }
}
