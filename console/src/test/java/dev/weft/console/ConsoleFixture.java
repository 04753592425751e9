package dev.weft.console;

import dev.weft.engine.Connectors;
import dev.weft.server.WeftServer;
import dev.weft.spec.SpecLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A real {@code weft serve} on a loopback port with an embedded H2 store, the console found through
 * ServiceLoader, and three test integrations: CSV files into an H2 table that refuses large
 * quantities (so one record dead-letters), one open to every customer, and one gated by plans.
 */
final class ConsoleFixture implements AutoCloseable {
  static final String ADMIN = "console-admin-token-for-tests";
  static final String TABLE = "CONSOLE_ORDERS";

  final Path dir;
  final WeftServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ConsoleFixture(Path dir) throws Exception {
    this(dir, "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0");
  }

  ConsoleFixture(Path dir, String storeUrl) throws Exception {
    this.dir = dir;
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Files.writeString(drop.resolve("orders-1.csv"), "order_id,qty\nA-1,5\nA-2,500\nA-3,7\n");
    try (Connection c = target()) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS " + TABLE
          + " (order_id VARCHAR(20) PRIMARY KEY, qty INT, CONSTRAINT console_qty_small CHECK (qty < 100))");
    }
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("console-orders.yaml"), ordersSpec("Warehouse orders into the ledger"));
    Files.writeString(specs.resolve("console-open.yaml"), openSpec());
    Files.writeString(specs.resolve("console-hidden.yaml"), hiddenSpec());
    server = WeftServer.start(new WeftServer.Settings(specs, storeUrl, "127.0.0.1", 0,
        Optional.of(Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("master.key"), Optional.of(ADMIN),
        WeftServer.Settings.DEFAULT_BODY_LIMIT, 4, Duration.ofMillis(200), name -> Optional.empty(), Connectors.discovered()));
  }

  /** Loads a changed text of the orders spec as a second version, as a restart with an edited file would. */
  void addSecondVersion() {
    String text = ordersSpec("Warehouse orders into the ledger, with quantities");
    server.catalog().add(SpecLoader.load("console-orders.yaml", text).spec().orElseThrow(), "console-orders.yaml", text);
  }

  Connection target() throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("target"));
  }

  String ordersSpec(String summary) {
    return """
        weft: 1
        id: console-orders
        name: Warehouse orders
        summary: SUMMARY
        systems:
          drop:
            name: Warehouse drop folder
            connection: filesystem
            url: DROP
            format: csv
            auth: { method: none }
            options: { delimiter: ",", header: true }
          shop:
            name: Shop
            connection: api
            url: http://127.0.0.1:9/shop
            format: json
            auth: { method: api-key, scope: customer, header: X-Api-Key, key: "${config.api_key}" }
          ledger:
            name: Ledger
            ours: true
            connection: datastore
            url: TARGET
            auth: { method: none, scope: system }
        config:
          - { key: region, label: Region, type: choice, options: [eu, us], required: true, help: Where the ledger keeps the orders. }
          - { key: api_key, label: Shop API key, type: secret, required: true }
          - { key: alert_email, label: Alert email, type: email, help: Who hears about failed runs. }
          - { key: batch, label: Batch size, type: number, default: 100 }
          - { key: statuses, label: Statuses to send, type: list, options: [paid, shipped], default: [paid] }
        plans:
          starter: [orders]
          pro: [orders, events]
        flows:
          - id: orders
            name: Order files to the ledger
            trigger:
              schedule: every 1 hour
              manual: true
            source: { system: drop, files: "orders-*.csv", after: keep }
            map:
              - { from: order_id, to: order_id, required: true }
              - { from: qty, to: qty }
            target: { system: ledger, table: TABLE, write: upsert, key: order_id }
            errors:
              invalid_records: dead-letter
              message: "Order {{order_id}} was not loaded: {{error}}"
          - id: events
            name: Shop events
            trigger:
              webhook: { path: events }
            source: { system: shop }
            map:
              - { from: id, to: order_id, required: true }
            target: { system: ledger, table: TABLE, write: upsert, key: order_id }
        """.replace("SUMMARY", summary).replace("DROP", dir.resolve("drop").toUri().toString())
        .replace("TARGET", "jdbc:h2:file:" + dir.resolve("target")).replace("TABLE", TABLE);
  }

  private String openSpec() {
    return """
        weft: 1
        id: console-open
        name: Contacts export
        summary: Any customer may switch this on.
        systems:
          drop: { connection: filesystem, url: DROP, format: csv, auth: { method: none } }
          ledger: { ours: true, connection: datastore, url: TARGET, auth: { method: none } }
        config:
          - { key: folder_label, label: Folder label, type: string, required: true }
        flows:
          - id: contacts
            trigger: { manual: true }
            source: { system: drop, files: "contacts-*.csv", after: keep }
            map:
              - { from: email, to: order_id }
            target: { system: ledger, table: TABLE, write: upsert, key: order_id }
        """.replace("DROP", dir.resolve("drop").toUri().toString()).replace("TARGET", "jdbc:h2:file:" + dir.resolve("target"))
        .replace("TABLE", TABLE);
  }

  private String hiddenSpec() {
    return openSpec().replace("id: console-open", "id: console-hidden").replace("name: Contacts export", "name: Enterprise audit feed")
        .replace("summary: Any customer may switch this on.", "summary: Only for the enterprise plan.\nplans:\n  enterprise: [contacts]");
  }

  /** A call to the REST API. */
  HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A customer token, made through the API. */
  String customerToken(String customer) throws Exception {
    String body = api("POST", "/api/tokens", ADMIN, "{\"customer\":\"" + customer + "\"}").body();
    return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  @Override
  public void close() {
    server.close();
  }
}
