package dev.weft.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  @Test
  void passes_bytes_through_refuses_while_cut_and_works_again_once_restored() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        while (true) {
          try {
            Socket s = echo.accept();
            Thread.ofVirtual().start(() -> {
              try (s; InputStream in = s.getInputStream()) {
                in.transferTo(s.getOutputStream());
              } catch (IOException ignored) {
              }
            });
          } catch (IOException e) {
            return;
          }
        }
      });
      try (TcpProxy proxy = new TcpProxy("127.0.0.1", echo.getLocalPort())) {
        assertThat(roundTrip(proxy.port(), "hello")).isEqualTo("hello");
        proxy.cut();
        assertThat(proxy.isCut()).isTrue();
        assertThatThrownBy(() -> roundTrip(proxy.port(), "lost")).isInstanceOf(IOException.class);
        proxy.restore();
        assertThat(roundTrip(proxy.port(), "again")).isEqualTo("again");
      }
    }
  }

  private static String roundTrip(int port, String text) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write(text.getBytes());
      s.shutdownOutput();
      return new String(s.getInputStream().readAllBytes());
    }
  }
}
