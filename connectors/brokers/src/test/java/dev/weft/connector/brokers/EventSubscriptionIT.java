package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SourceContext;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.brokers.amqp.AmqpConnector;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import dev.weft.testkit.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSubscriptionIT {
  private final Connector connector = new AmqpConnector();
  private final SystemDef system =
      Contexts.system(
          "amqp://127.0.0.1:" + Services.RABBITMQ.port(),
          new Auth.Password(Auth.Scope.SYSTEM, "guest", "guest"),
          Map.of("declare", true, "idle", "200ms"));
  private String queue;
  private SourceContext context;

  @BeforeEach
  void queue() throws Exception {
    Services.RABBITMQ.require();
    queue = Contexts.unique("weft-events");
    context = Contexts.source(system, queue, "events");
    publish(5);
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      ch.queueDelete(queue);
    }
  }

  private void publish(int n) throws Exception {
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < n; i++) records.add(new SinkRecord(Map.of("n", i), "e-" + i));
    try (Sink sink = connector.openSink(Contexts.sink(system, queue, "events"))) {
      sink.write(records);
    }
  }

  private static Connection raw() throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setPort(Services.RABBITMQ.port());
    return f.newConnection();
  }

  private long waiting() throws Exception {
    try (Connection c = raw(); Channel ch = c.createChannel()) {
      return ch.queueDeclarePassive(queue).getMessageCount();
    }
  }

  /** Polls until the condition holds; fails after 30 s so a broken subscription does not hang the build. */
  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("the condition did not hold within 30 s");
      Thread.sleep(50);
    }
  }

  private static List<Object> numbers(List<SourceRecord> records) {
    return records.stream().map(r -> (Object) ((Number) r.value().get("n")).intValue()).toList();
  }

  @Test
  void handsBatchesToTheHandlerAndAcksThemAfterIt() throws Exception {
    List<SourceRecord> seen = new CopyOnWriteArrayList<>();
    EventSubscription subscription =
        EventSubscription.of(() -> connector.openSource(context), 100, Duration.ofMillis(100));
    subscription.start(seen::addAll);
    waitUntil(() -> seen.size() >= 5);
    publish(2);
    waitUntil(() -> seen.size() >= 7);
    subscription.stop();
    assertThat(numbers(seen)).containsExactly(0, 1, 2, 3, 4, 0, 1);
    assertThat(waiting()).isZero();
  }

  @Test
  void aBatchTheHandlerFailsComesAgain() throws Exception {
    List<SourceRecord> handled = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    EventSubscription subscription =
        EventSubscription.of(() -> connector.openSource(context), 100, Duration.ofMillis(100));
    subscription.start(
        batch -> {
          if (calls.incrementAndGet() == 1) throw new IllegalStateException("the first delivery fails");
          handled.addAll(batch);
        });
    waitUntil(() -> handled.size() >= 5);
    subscription.stop();
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(numbers(handled)).containsExactly(0, 1, 2, 3, 4);
    assertThat(waiting()).isZero();
  }

  @Test
  void stoppedBeforeHandlingLeavesTheMessagesOnTheQueue() throws Exception {
    EventSubscription subscription =
        EventSubscription.of(() -> connector.openSource(context), 100, Duration.ofMillis(100));
    subscription.stop();
    assertThat(waiting()).isEqualTo(5);
  }
}
