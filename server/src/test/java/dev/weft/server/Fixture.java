package dev.weft.server;

import dev.weft.engine.Connectors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** A real server on a random loopback port, a spec folder with the test integration, and an HTTP client. */
final class Fixture implements AutoCloseable {
  static final String ADMIN = "admin-token-for-tests";
  static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

  final WeftServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Fixture(Path dir, String storeUrl, String specYaml) throws Exception {
    this(dir, storeUrl, specYaml, ServerTuning.defaults());
  }

  Fixture(Path dir, String storeUrl, String specYaml, ServerTuning tuning) throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("shop-hooks.yaml"), specYaml);
    server = WeftServer.start(new WeftServer.Settings(specs, storeUrl, "127.0.0.1", 0, Optional.of(MASTER_KEY),
        dir.resolve("master.key"), Optional.of(ADMIN), WeftServer.Settings.DEFAULT_BODY_LIMIT, 4, Duration.ofMillis(200),
        name -> Optional.empty(), Connectors.discovered()), tuning);
  }

  /** The test integration: a signed webhook flow (plan starter) and a scheduled table copy (plan pro). */
  static String spec(String targetUrl, String auth, String ordersTable, String sourceTable, String copyTable) {
    return """
        weft: 1
        id: shop-hooks
        name: Shop hooks
        systems:
          shop:
            name: Shop
            connection: api
            url: http://127.0.0.1:9/shop
            format: json
            auth: { method: api-key, scope: customer, header: X-Api-Key, key: "${config.shop_key}" }
          db:
            name: Target database
            ours: true
            connection: datastore
            url: "TARGET"
            auth: AUTH
        config:
          - { key: shop_key, label: Shop key, type: secret, required: true }
          - { key: webhook_secret, label: Webhook secret, type: secret, required: true }
          - { key: region, type: choice, options: [eu, us], default: eu }
          - { key: max_orders, type: number }
        plans:
          starter: [orders]
          pro: [orders, copy]
        flows:
          - id: orders
            trigger:
              webhook: { path: orders, verify: { hmac: sha256, header: X-Shop-Signature, secret: "${config.webhook_secret}" } }
            source: { system: shop, records: order }
            map:
              - { from: id, to: order_id, required: true }
              - { from: total, to: total }
            target: { system: db, table: ORDERS, write: upsert, key: order_id }
          - id: copy
            trigger:
              schedule: every 1 minute
              manual: true
            source: { system: db, table: SOURCE }
            map:
              - { from: order_id, to: order_id, required: true }
              - { from: total, to: total }
            target: { system: db, table: COPY, write: upsert, key: order_id }
        """.replace("TARGET", targetUrl).replace("AUTH", auth).replace("ORDERS", ordersTable).replace("SOURCE", sourceTable)
        .replace("COPY", copyTable);
  }

  String url() {
    return server.url();
  }

  Response call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }

  Response hook(String instance, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + "/hooks/" + instance + "/orders")).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }

  static String sign(String secret, String body) {
    return "sha256=" + HexFormat.of().formatHex(WebhookSignature.hmac("HmacSHA256", secret, body.getBytes(StandardCharsets.UTF_8)));
  }

  record Response(int status, String body) {
    Map<String, Object> json() {
      return Json.readMap(body);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
