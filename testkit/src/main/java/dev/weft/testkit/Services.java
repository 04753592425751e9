package dev.weft.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The real local services the integration tests talk to. When one is down, a test fails with a
 * clear message in CI ({@code WEFT_REQUIRE_SERVICES=true} or {@code CI=true}); on a developer
 * laptop it is skipped, loudly.
 */
public enum Services {
  POSTGRESQL("PostgreSQL", 5432, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
  MARIADB("MariaDB", 3306, "jdbc:mariadb://127.0.0.1:3306/test?user=root"),
  RABBITMQ("RabbitMQ", 5672, "amqp://guest:guest@127.0.0.1:5672/"),
  MOSQUITTO("Mosquitto", 1883, "mqtt://127.0.0.1:1883"),
  NATS("NATS", 4222, "nats://127.0.0.1:4222");

  private final String label;
  private final int port;
  private final String url;

  Services(String label, int port, String url) {
    this.label = label;
    this.port = port;
    this.url = url;
  }

  /** A URL that reaches the service as it runs on this machine. */
  public String url() {
    return url;
  }

  public int port() {
    return port;
  }

  public boolean isUp() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Call at the start of a test (or in {@code @BeforeAll}) that needs this service. */
  public void require() {
    if (isUp()) return;
    String message =
        label + " is not reachable on 127.0.0.1:" + port + "; start it (see .ci/run) to run this test";
    if (requiredByEnvironment()) throw new AssertionError(message);
    System.err.println("SKIPPED (service down): " + message);
    Assumptions.abort(message);
  }

  static boolean requiredByEnvironment() {
    return "true".equalsIgnoreCase(System.getenv("WEFT_REQUIRE_SERVICES"))
        || "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
