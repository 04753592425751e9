package dev.weft.connector.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP server on loopback that answers with handlers and remembers every request it got. */
final class TestApi implements AutoCloseable {

  /** One request as the server saw it, with its arrival on the server's clock. */
  record Call(String method, String path, String rawPath, Map<String, String> query, Headers headers, byte[] body, long arrivedNanos) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.getFirst(name);
    }

    String param(String name) {
      return query.get(name);
    }
  }

  record Reply(int status, Map<String, String> headers, byte[] body) {
    static Reply json(String json) {
      return new Reply(200, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply of(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply status(int status) {
      return new Reply(status, Map.of(), new byte[0]);
    }

    Reply with(String header, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(header, value);
      return new Reply(status, all, body);
    }
  }

  @FunctionalInterface
  interface Handler {
    Reply handle(Call call) throws Exception;
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  TestApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  TestApi on(String path, Handler handler) {
    server.createContext(path, exchange -> serve(exchange, handler));
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Call call =
          new Call(
              exchange.getRequestMethod(),
              uri.getPath(),
              uri.getRawPath(),
              query(uri.getRawQuery()),
              exchange.getRequestHeaders(),
              exchange.getRequestBody().readAllBytes(),
              arrived);
      calls.add(call);
      Reply reply;
      try {
        reply = handler.handle(call);
      } catch (Exception e) {
        reply = Reply.of(500, "text/plain", "handler failed: " + e);
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return query;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(key, value);
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
