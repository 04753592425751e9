package dev.weft.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * The paged REST API of workload 2: {@code GET /orders?cursor=N&limit=1000} answers
 * {@code {"orders": [...], "next_cursor": "N+1000" | null}} from the deterministic generator.
 *
 * <p>{@code OrdersApiServer PORT ROWS}
 */
public final class OrdersApiServer {
  private static final JsonFactory JSON = new JsonFactory();

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    long rows = Long.parseLong(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/orders", exchange -> serve(exchange, rows));
    server.start();
    System.out.println("orders API on http://127.0.0.1:" + port + "/orders with " + rows + " rows");
  }

  private static void serve(HttpExchange exchange, long rows) throws IOException {
    long cursor = 0;
    int limit = 1000;
    String query = URI.create(exchange.getRequestURI().toString()).getQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length < 2 || kv[1].isEmpty()) continue;
        if (kv[0].equals("cursor")) cursor = Long.parseLong(kv[1]);
        if (kv[0].equals("limit")) limit = Integer.parseInt(kv[1]);
      }
    }
    long end = Math.min(rows, cursor + limit);
    ByteArrayOutputStream body = new ByteArrayOutputStream(limit * 220);
    try (JsonGenerator g = JSON.createGenerator(body)) {
      g.writeStartObject();
      g.writeArrayFieldStart("orders");
      for (long i = cursor + 1; i <= end; i++) {
        OrdersData.Order o = OrdersData.order(i);
        g.writeStartObject();
        g.writeStringField("order_id", o.id());
        g.writeStringField("customer_first", o.first());
        g.writeStringField("customer_last", o.last());
        g.writeStringField("email", o.email());
        g.writeNumberField("weight_lb", new java.math.BigDecimal(o.weightLb()));
        g.writeNumberField("total_cents", o.totalCents());
        g.writeStringField("currency", o.currency());
        g.writeStringField("created_at", o.createdAt());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (end < rows) g.writeStringField("next_cursor", Long.toString(end));
      else g.writeNullField("next_cursor");
      g.writeEndObject();
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      body.writeTo(out);
    }
  }
}
