package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.testkit.Services;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's promise, end to end on a real {@code weft serve} process: a customer's secret config
 * value (set through the API, then rotated and given to a second instance through {@code weft
 * instance}) and an operator secret ({@code weft secret set}) authenticate a flow against a loopback
 * API, in a run that succeeds and one that fails; then none of the values is in the server's output,
 * any API answer, any console page, the spec's document, the CLI's output, or the raw store (the H2
 * files, or a pg_dump of the PostgreSQL schema). The loopback API checks the values arrived, so the
 * test cannot pass by never using them.
 */
class SecretsNeverShownIT {
  private static final String INTEGRATION = "secrets-vault-to-ledger";
  private static final String FIRST_KEY = "cfg-FIRST-7d1e0c93";
  private static final String GOOD_KEY = "cfg-GOOD-5a9f31e8";
  private static final String WRONG_KEY = "cfg-WRONG-b6e20f47";
  private static final String OPERATOR_TOKEN = "op-LEDGER-c44a80d2";
  private static final List<String> SECRETS = List.of(FIRST_KEY, GOOD_KEY, WRONG_KEY, OPERATOR_TOKEN);

  @TempDir Path dir;

  @Test
  void on_the_embedded_h2_store() throws Exception {
    String store = "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    scenario(store, () -> {
      List<String> files = new ArrayList<>();
      try (Stream<Path> all = Files.list(dir)) {
        for (Path file : all.filter(p -> p.getFileName().toString().startsWith("state")).toList())
          files.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
      assertThat(files).as("the H2 store files").isNotEmpty();
      return String.join("\n", files);
    });
  }

  @Test
  void on_a_postgresql_store() throws Exception {
    Services.POSTGRESQL.require();
    String schema = "weft_secrets_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try {
      scenario(Services.POSTGRESQL.url() + "&currentSchema=" + schema, () -> {
        Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-n", schema, "test")
            .redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(dump.exitValue()).as(text).isZero();
        return text;
      });
    } finally {
      try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url()); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  interface RawStore {
    String read() throws Exception;
  }

  private void scenario(String store, RawStore rawStore) throws Exception {
    Map<String, String> seen = new LinkedHashMap<>();
    try (LoopbackApi api = LoopbackApi.start()) {
      Path specs = Files.createDirectories(dir.resolve("specs"));
      Path spec = Files.writeString(specs.resolve("vault.yaml"), spec(api.port()));
      WeftProcess.Result secretSet = withStdin(Map.of("WEFT_MASTER_KEY", ServeProcess.KEY), OPERATOR_TOKEN + "\n",
          "secret", "set", "ledger_token", "--store", store);
      assertThat(secretSet.exit()).as(secretSet.stderr()).isZero();
      seen.put("weft secret set", secretSet.stdout() + secretSet.stderr());

      List<String> runIds = new ArrayList<>();
      String serverOut;
      String serverErr;
      try (ServeProcess server = ServeProcess.start(dir, Map.of("WEFT_LOG_LEVEL", "DEBUG"), specs, store, ServeProcess.freePort())) {
        await().atMost(Duration.ofMinutes(1)).until(() -> server.stdoutText().contains("Stop with Ctrl-C"));
        assertThat(server.stdoutText()).contains(INTEGRATION).contains("console: " + server.url + "/console");
        Map<String, String> cli = Map.of("WEFT_URL", server.url, "WEFT_TOKEN", ServeProcess.ADMIN);

        ServeProcess.Answer created = server.call("POST", "/api/instances", "{\"id\": \"acme-vault\", \"customer\": \"acme\", \"integration\": \""
            + INTEGRATION + "\", \"environment\": \"test\", \"config\": {\"vault_key\": \"" + FIRST_KEY + "\", \"region\": \"eu\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        seen.put("POST /api/instances", created.body());
        WeftProcess.Result rotated = withStdin(cli, GOOD_KEY + "\n", "instance", "config", "set", "acme-vault", "region=us", "--secret", "vault_key");
        assertThat(rotated.exit()).as(rotated.stderr()).isZero();
        seen.put("weft instance config set", rotated.stdout() + rotated.stderr());
        WeftProcess.Result second = withStdin(cli, WRONG_KEY + "\n", "instance", "create", "globex-vault", "--integration", INTEGRATION,
            "--customer", "globex", "--environment", "test", "--secret", "vault_key");
        assertThat(second.exit()).as(second.stderr()).isZero();
        seen.put("weft instance create", second.stdout() + second.stderr());

        String good = trigger(cli, "acme-vault", seen);
        String bad = trigger(cli, "globex-vault", seen);
        runIds.addAll(List.of(good, bad));
        ServeProcess.Answer goodRun = awaitEnd(server, good);
        ServeProcess.Answer badRun = awaitEnd(server, bad);
        assertThat(goodRun.body()).contains("\"status\":\"succeeded\"").contains("\"written\":2").contains("\"dead_lettered\":1");
        assertThat(badRun.body()).contains("\"status\":\"failed\"").contains("Vault API: the API refused the credentials (401)")
            .contains("for GET /v1/entries");
        assertThat(api.keys).as("the vault saw each instance's key, the rotated one for acme").contains(GOOD_KEY, WRONG_KEY)
            .doesNotContain(FIRST_KEY);
        assertThat(api.bearers).as("the ledger saw the operator's token").isNotEmpty().allMatch(OPERATOR_TOKEN::equals);

        for (String path : List.of("/api/instances", "/api/instances/acme-vault", "/api/instances/globex-vault", "/api/runs",
            "/api/runs/" + good, "/api/runs/" + bad, "/api/runs?instance=globex-vault&status=failed",
            "/api/instances/acme-vault/dead-letters", "/api/instances/globex-vault/dead-letters", "/api/instances/acme-vault/connections",
            "/api/instances/acme-vault/flows/entries/plan", "/api/integrations", "/api/integrations/" + INTEGRATION + "/versions",
            "/api/tokens", "/api/secrets", "/openapi.json", "/metrics", "/health"))
          seen.put("GET " + path, server.call("GET", path, null).body());
        ServeProcess.Answer customerToken = server.call("POST", "/api/tokens", "{\"customer\": \"acme\", \"name\": \"acme portal\"}");
        assertThat(customerToken.status()).as(customerToken.body()).isEqualTo(201);
        seen.put("POST /api/tokens", customerToken.body());
        assertThat(seen.get("GET /api/instances/acme-vault/dead-letters")).contains("amount must be positive");
        assertThat(seen.get("GET /api/secrets")).contains("ledger_token");
        assertThat(seen.get("GET /api/instances/acme-vault")).contains("********");

        seen.putAll(consolePages(server.url));
        assertThat(seen.keySet()).as("console pages read").contains("/console/runs/" + good, "/console/runs/" + bad,
            "/console/instances/acme-vault", "/console/dead-letters");
        assertThat(seen.keySet()).as("a dead letter's console page").anyMatch(k -> k.matches("/console/dead-letters/\\d+"));

        for (String format : List.of("md", "html")) {
          WeftProcess.Result doc = WeftProcess.run(dir, Map.of(), "doc", spec.toString(), "--format", format);
          assertThat(doc.exit()).as(doc.stderr()).isZero();
          assertThat(doc.stdout()).contains("Vault API");
          seen.put("weft doc --format " + format, doc.stdout() + doc.stderr());
        }
        List<String[]> commands = new ArrayList<>(List.of(new String[] {"runs"}, new String[] {"runs", "--json"},
            new String[] {"instance", "list"}, new String[] {"instance", "show", "acme-vault"},
            new String[] {"instance", "show", "globex-vault"}, new String[] {"token", "list"}));
        for (String run : runIds) commands.add(new String[] {"logs", run});
        for (String[] command : commands) {
          WeftProcess.Result r = WeftProcess.run(dir, cli, command);
          int expected = command[0].equals("logs") && command[1].equals(bad) ? 1 : 0; // weft logs says the run failed
          assertThat(r.exit()).as(String.join(" ", command) + ": " + r.stderr()).isEqualTo(expected);
          seen.put("weft " + String.join(" ", command), r.stdout() + r.stderr());
        }
        assertThat(seen.get("weft logs " + bad)).contains("401");
        assertThat(server.terminate(Duration.ofMinutes(1))).as("stopped by SIGTERM").isIn(0, 143);
        serverOut = server.stdoutText();
        serverErr = server.stderrText();
      }
      seen.put("weft serve stdout", serverOut);
      seen.put("weft serve stderr", serverErr);
      assertThat(serverErr).as("the server logged the runs (at DEBUG)").contains(runIds.get(0)).contains(runIds.get(1));

      WeftProcess.Result dlq = WeftProcess.run(dir, Map.of(), "dlq", "list", "--state", store, "--instance", "acme-vault");
      assertThat(dlq.exit()).as(dlq.stderr()).isZero();
      assertThat(dlq.stdout()).contains("amount must be positive");
      seen.put("weft dlq list", dlq.stdout() + dlq.stderr());
      String raw = rawStore.read();
      assertThat(raw).as("the store holds the instances").contains("acme-vault").contains("globex-vault");
      seen.put("the raw store", raw);
    }
    for (Map.Entry<String, String> e : seen.entrySet())
      for (String secret : SECRETS)
        assertThat(e.getValue()).as(e.getKey() + " must not hold a secret").doesNotContain(secret);
  }

  private static String spec(int port) {
    return """
        weft: 1
        id: secrets-vault-to-ledger
        name: Vault entries to the Ledger
        summary: Entries read from the Vault API with the customer's key, booked in the Ledger API with the operator's token.
        systems:
          vault:
            name: Vault API
            connection: api
            url: http://127.0.0.1:@PORT@/v1
            format: json
            auth: { method: api-key, scope: customer, query: key, key: "${config.vault_key}" }
          ledger:
            name: Ledger API
            ours: true
            connection: api
            url: http://127.0.0.1:@PORT@/ledger
            format: json
            auth: { method: bearer, scope: system, token: "${secret.ledger_token}" }
        config:
          - { key: vault_key, label: Vault API key, type: secret, required: true, help: "Vault > Settings > API keys" }
          - { key: region, label: Region, type: string, required: false }
        flows:
          - id: entries
            name: Entries to the ledger
            trigger: { manual: true }
            source: { system: vault, endpoint: GET /entries, records: items }
            map:
              - { from: id, to: id, required: true }
              - { from: amount, to: amount }
            target: { system: ledger, endpoint: "PUT /entries/{{id}}" }
            errors:
              retry: { attempts: 2, backoff: 100ms, max_backoff: 200ms }
              invalid_records: dead-letter
              message: "Entry {{id}} was not booked: {{error}}"
        """.replace("@PORT@", Integer.toString(port));
  }

  private String trigger(Map<String, String> cli, String instance, Map<String, String> seen) throws Exception {
    WeftProcess.Result r = WeftProcess.run(dir, cli, "trigger", instance, "entries");
    assertThat(r.exit()).as(r.stderr()).isZero();
    seen.put("weft trigger " + instance, r.stdout() + r.stderr());
    Matcher id = Pattern.compile("run ([0-9a-f-]{36}) ").matcher(r.stdout());
    assertThat(id.find()).as(r.stdout()).isTrue();
    return id.group(1);
  }

  private static ServeProcess.Answer awaitEnd(ServeProcess server, String run) {
    ServeProcess.Answer[] last = new ServeProcess.Answer[1];
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> {
      last[0] = server.call("GET", "/api/runs/" + run, null);
      return last[0].status() == 200 && !last[0].body().contains("\"status\":\"running\"");
    });
    return last[0];
  }

  private WeftProcess.Result withStdin(Map<String, String> env, String stdin, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = WeftProcess.builder(dir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("weft " + String.join(" ", args) + " ended").isTrue();
    return new WeftProcess.Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Logs in with the admin token and reads every console page a link leads to (GET only), by path. */
  private static Map<String, String> consolePages(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/console/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + ServeProcess.ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("POST /console/login", login.body());
    Set<String> queued = new LinkedHashSet<>(List.of("/console", "/console/instances/acme-vault", "/console/instances/globex-vault"));
    Deque<String> todo = new ArrayDeque<>(queued);
    Pattern link = Pattern.compile("(?:href|hx-get)=\"(/console[^\"#]*)\"");
    while (!todo.isEmpty() && pages.size() < 400) {
      String path = todo.poll();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(path + ": " + page.body()).isNotEqualTo(500); // 502: a plan the vault refused
      pages.put(path, page.body());
      Matcher m = link.matcher(page.body());
      while (m.find()) {
        String next = m.group(1).replace("&amp;", "&");
        if (next.startsWith("/console/static/") || next.contains("logout")) continue;
        if (queued.add(next)) todo.add(next);
      }
    }
    return pages;
  }

  /** The vault (GET /v1/entries?key=…) and the ledger (PUT /ledger/entries/{id} with a bearer token), recording what they were given. */
  private static final class LoopbackApi implements AutoCloseable {
    final ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> bearers = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    private LoopbackApi(HttpServer server) {
      this.server = server;
    }

    static LoopbackApi start() throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      LoopbackApi api = new LoopbackApi(server);
      server.createContext("/v1/entries", api::vault);
      server.createContext("/ledger/entries/", api::ledger);
      server.start();
      return api;
    }

    int port() {
      return server.getAddress().getPort();
    }

    private void vault(HttpExchange ex) throws IOException {
      String key = "";
      String query = ex.getRequestURI().getRawQuery();
      if (query != null)
        for (String pair : query.split("&"))
          if (pair.startsWith("key=")) key = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
      keys.add(key);
      if (!key.equals(GOOD_KEY)) answer(ex, 401, "{\"error\": \"this API key is not valid\"}");
      else answer(ex, 200, "{\"items\": [{\"id\": \"e-1\", \"amount\": 5}, {\"id\": \"e-2\", \"amount\": 7}, {\"id\": \"e-bad\", \"amount\": -1}]}");
    }

    private void ledger(HttpExchange ex) throws IOException {
      String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
      bearers.add(auth.startsWith("Bearer ") ? auth.substring(7) : auth);
      ex.getRequestBody().readAllBytes();
      if (!auth.equals("Bearer " + OPERATOR_TOKEN)) answer(ex, 401, "{\"error\": \"unknown token\"}");
      else if (ex.getRequestMethod().equals("GET")) answer(ex, 404, "{\"error\": \"no such entry\"}");
      else if (ex.getRequestURI().getPath().endsWith("/e-bad")) answer(ex, 422, "{\"error\": \"amount must be positive\"}");
      else answer(ex, 200, "{\"ok\": true}");
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
