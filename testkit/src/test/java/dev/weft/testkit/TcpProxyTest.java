package dev.weft.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  @Test
  void passes_bytes_through_reaches_nothing_while_cut_and_works_again_once_restored() throws Exception {
    AtomicInteger served = new AtomicInteger();
    try (ServerSocket upper = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        while (true) {
          try {
            Socket s = upper.accept();
            served.incrementAndGet();
            Thread.ofVirtual().start(() -> {
              try (s; InputStream in = s.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                s.getOutputStream().write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
              } catch (IOException ignored) {
              }
            });
          } catch (IOException e) {
            return;
          }
        }
      });
      try (TcpProxy proxy = new TcpProxy("127.0.0.1", upper.getLocalPort())) {
        assertThat(roundTrip(proxy.port(), "hello")).contains("HELLO");
        proxy.cut();
        assertThat(proxy.isCut()).isTrue();
        // Refused, as a rule. (Linux may rarely connect a client socket to itself on a free
        // loopback port; then the reply is its own bytes — never the service's.)
        assertThat(roundTrip(proxy.port(), "lost")).isNotEqualTo(Optional.of("LOST"));
        assertThat(served).hasValue(1);
        proxy.restore();
        assertThat(roundTrip(proxy.port(), "again")).contains("AGAIN");
      }
    }
  }

  /** What came back, or empty when the connection was refused or dropped. */
  private static Optional<String> roundTrip(int port, String text) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      s.shutdownOutput();
      return Optional.of(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
