package dev.weft.connector.brokers;

import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.brokers.amqp.AmqpConnector;
import dev.weft.connector.brokers.mqtt.MqttConnector;
import dev.weft.connector.brokers.nats.NatsConnector;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publish throughput with confirms (AMQP publisher confirms, MQTT QoS 1 PUBACKs, JetStream publish
 * acks) of small JSON messages through the connectors' sinks, against the local brokers. A
 * measurement to run by hand, not a test: {@code BrokerThroughput [messages] [batch] [amqp,mqtt,nats]}.
 */
public final class BrokerThroughput {

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    String which = args.length > 2 ? args[2] : "amqp,mqtt,nats";
    String run = Contexts.unique("bench");
    Auth guest = new Auth.Password(Auth.Scope.SYSTEM, "guest", "guest");
    if (which.contains("amqp")) measure("amqp", new AmqpConnector(), Contexts.system("amqp://127.0.0.1:5672/", guest, Map.of("declare", true)), run, total, batch);
    if (which.contains("mqtt")) measure("mqtt", new MqttConnector(), Contexts.system("mqtt://127.0.0.1:1883", Map.of()), "weft/bench/" + run, total, batch);
    if (which.contains("nats")) measure("nats", new NatsConnector(), Contexts.system("nats://127.0.0.1:4222", Map.of("create_stream", true)), "weft.bench." + run, total, batch);
    dropWhatWasMade(run);
  }

  private static void dropWhatWasMade(String run) throws Exception {
    com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
    factory.setHost("127.0.0.1");
    try (com.rabbitmq.client.Connection c = factory.newConnection(); com.rabbitmq.client.Channel ch = c.createChannel()) {
      ch.queueDelete(run);
    }
    try (io.nats.client.Connection n = io.nats.client.Nats.connect("nats://127.0.0.1:4222")) {
      for (String stream : n.jetStreamManagement().getStreamNames("weft.bench." + run))
        n.jetStreamManagement().deleteStream(stream);
    }
  }

  private static void measure(String label, Connector connector, SystemDef system, String topic, int total, int batch) throws Exception {
    try (Sink sink = connector.openSink(Contexts.sink(system, topic, "bench"))) {
      sink.write(records(0, 100)); // warm up
      long start = System.nanoTime();
      for (int from = 0; from < total; from += batch) {
        int written = sink.write(records(from, Math.min(batch, total - from))).written();
        if (written != Math.min(batch, total - from)) throw new IllegalStateException(label + ": wrote " + written);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s: %,d messages in batches of %,d in %.2f s = %,.0f msg/s%n", label, total, batch, seconds, total / seconds);
    }
  }

  private static List<SinkRecord> records(int from, int n) {
    List<SinkRecord> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", i);
      v.put("sku", "SKU-" + i);
      v.put("qty", i % 7);
      v.put("status", "paid");
      out.add(new SinkRecord(v, "bench-" + i));
    }
    return out;
  }
}
