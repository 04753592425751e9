package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.weft.testkit.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/webhook-orders-to-rabbitmq.yaml fed a webhook payload with --input, publishing to a queue of the test's own. */
class WebhookExampleIT {
  private static final Path EXAMPLE = Path.of("..", "examples", "webhook-orders-to-rabbitmq.yaml").toAbsolutePath().normalize();

  @Test
  void a_payload_is_filtered_mapped_and_published(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(EXAMPLE), "no " + EXAMPLE);
    Services.RABBITMQ.require();
    String queue = "weft.it.fulfilment." + Long.toHexString(System.nanoTime());
    String text = Files.readString(EXAMPLE).replace("topic: fulfilment.orders", "topic: " + queue);
    assertThat(text).contains(queue);
    Path spec = Files.writeString(dir.resolve("webhook.yaml"), text);
    Path payload = Files.writeString(dir.resolve("payload.json"), """
        {"order": [
          {"id": 1001, "financial_status": "paid", "line_items": [{"sku": "TEA-1", "quantity": 2}],
           "shipping": {"country_code": "DE"}, "total_weight_grams": 1250},
          {"id": 1002, "financial_status": "pending", "line_items": [], "shipping": {"country_code": "FR"}, "total_weight_grams": 10}
        ]}
        """);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(Services.RABBITMQ.port());
    factory.setUsername("guest");
    factory.setPassword("guest");
    try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
      channel.queueDeclare(queue, false, false, true, null);
      WeftProcess.Result run = WeftProcess.run(dir, Map.of("RABBITMQ_PASSWORD", "guest"), "run", spec.toString(), "--flow",
          "paid-orders", "--input", payload.toString(), "--config", "shop_key=k", "--config", "webhook_secret=s", "--json",
          "--state", "jdbc:h2:file:" + dir.resolve("state"));
      assertThat(run.exit()).as(run.stderr() + run.stdout()).isZero();
      assertThat(new ObjectMapper().readValue(run.stdout(), Map.class))
          .containsEntry("read", 2).containsEntry("written", 1).containsEntry("filtered", 1);
      List<Map<?, ?>> messages = new ArrayList<>();
      GetResponse message;
      while ((message = channel.basicGet(queue, true)) != null)
        messages.add(new ObjectMapper().readValue(new String(message.getBody(), StandardCharsets.UTF_8), Map.class));
      assertThat(messages).hasSize(1);
      assertThat(messages.get(0).get("orderId")).isEqualTo(1001);
      assertThat(messages.get(0).get("country")).isEqualTo("DE");
      assertThat(((Number) messages.get(0).get("weightKg")).doubleValue()).isEqualTo(1.25);
    }
  }
}
