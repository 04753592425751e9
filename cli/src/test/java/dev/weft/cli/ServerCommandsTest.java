package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.Connectors;
import dev.weft.server.WeftServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft instance}, {@code weft runs}, {@code weft logs} and {@code weft token} against a real server on loopback. */
class ServerCommandsTest {
  private static final String ADMIN = "admin-for-cli-tests";
  private static final String SECRET = "api-key-KEEP-OUT-2024";

  @TempDir Path dir;
  private WeftServer server;
  private final List<InProcessWeft.Outcome> outcomes = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    String target = "jdbc:h2:file:" + dir.resolve("target");
    try (Connection c = DriverManager.getConnection(target)) {
      c.createStatement().execute("CREATE TABLE src (\"id\" VARCHAR(10) PRIMARY KEY, \"n\" INT)");
      c.createStatement().execute("CREATE TABLE dst (id VARCHAR(10) PRIMARY KEY, n INT)");
      c.createStatement().execute("INSERT INTO src VALUES ('a', 1), ('b', 2)");
    }
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("copy.yaml"), """
        weft: 1
        id: table-copy
        name: Table copy
        systems:
          db: { connection: datastore, ours: true, url: "TARGET", auth: { method: none } }
        config:
          - { key: api_key, label: API key, type: secret, required: true }
          - { key: region, type: choice, options: [eu, us], default: eu }
        plans:
          starter: [copy]
          pro: [copy]
        flows:
          - id: copy
            trigger: { manual: true }
            source: { system: db, table: src }
            map:
              - { from: id, to: id }
              - { from: n, to: n }
            target: { system: db, table: dst, write: upsert, key: id }
        """.replace("TARGET", target));
    server = WeftServer.start(new WeftServer.Settings(specs, "jdbc:h2:file:" + dir.resolve("state"), "127.0.0.1", 0,
        Optional.of(Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("master.key"), Optional.of(ADMIN),
        WeftServer.Settings.DEFAULT_BODY_LIMIT, 2, Duration.ofSeconds(1), name -> Optional.empty(), Connectors.discovered()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InProcessWeft.Outcome as(String token, String stdin, String... args) {
    InputStream in = System.in;
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", server.url(), "--token", token));
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      InProcessWeft.Outcome o = InProcessWeft.run(all.toArray(String[]::new));
      outcomes.add(o);
      return o;
    } finally {
      System.setIn(in);
    }
  }

  private InProcessWeft.Outcome weft(String... args) {
    return as(ADMIN, "", args);
  }

  @Test
  void instances_are_created_configured_listed_and_deleted_and_their_runs_and_logs_shown() throws Exception {
    InProcessWeft.Outcome onArgv = weft("instance", "create", "acme-copy", "--integration", "table-copy", "--customer", "acme",
        "--plan", "starter", "--environment", "test", "--config", "api_key=" + SECRET);
    assertThat(onArgv.status()).isEqualTo(2);
    assertThat(onArgv.err()).contains("api_key is a secret: give it with --secret api_key");

    InProcessWeft.Outcome bad = weft("instance", "create", "Acme Copy", "--integration", "table-copy", "--customer", "acme",
        "--plan", "gold", "--environment", "test", "--config", "region=asia");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.errLines()).contains("weft instance create: refused (422):", "  id: must be lowercase letters, digits and dashes (at most 63), starting with a letter or digit",
        "  config.api_key: is required", "  config.region: must be one of eu, us (got asia)");
    assertThat(bad.err()).contains("  plan: no plan gold in table-copy");

    InProcessWeft.Outcome created = as(ADMIN, SECRET + "\n", "instance", "create", "acme-copy", "--integration", "table-copy",
        "--customer", "acme", "--plan", "starter", "--environment", "test", "--config", "region=eu", "--secret", "api_key");
    assertThat(created.status()).as(created.err()).isZero();
    assertThat(created.out()).contains("created instance acme-copy (table-copy, customer acme, test, enabled)");

    InProcessWeft.Outcome list = weft("instance", "list");
    assertThat(list.out().lines().toList()).hasSize(2);
    assertThat(list.out()).startsWith("ID ").contains("acme-copy  acme      table-copy   latest   starter  test         yes");
    assertThat(weft("instance", "show", "acme-copy").out()).contains("  plan:        starter").contains("  api_key = ********")
        .contains("  region = eu");

    assertThat(weft("instance", "config", "set", "acme-copy", "region=us").status()).isZero();
    InProcessWeft.Outcome wrong = weft("instance", "config", "set", "acme-copy", "region=mars", "colour=red");
    assertThat(wrong.status()).isEqualTo(1);
    assertThat(wrong.err()).contains("  config.region: must be one of eu, us (got mars)").contains("  config.colour: is not a config option of table-copy");
    assertThat(weft("instance", "plan", "set", "acme-copy", "pro").out()).contains("instance acme-copy is on plan pro");
    assertThat(weft("instance", "disable", "acme-copy").out()).contains("instance acme-copy disabled");
    assertThat(weft("instance", "show", "acme-copy", "--json").out()).contains("\"enabled\" : false").contains("\"region\" : \"us\"");
    assertThat(weft("instance", "enable", "acme-copy").status()).isZero();

    InProcessWeft.Outcome trigger = weft("trigger", "acme-copy", "copy");
    assertThat(trigger.status()).as(trigger.err()).isZero();
    Matcher id = Pattern.compile("run ([0-9a-f-]{36}) ").matcher(trigger.out());
    assertThat(id.find()).isTrue();
    await().atMost(Duration.ofSeconds(60)).until(() -> weft("runs", "--instance", "acme-copy", "--status", "succeeded").out().contains(id.group(1)));
    InProcessWeft.Outcome runs = weft("runs", "--instance", "acme-copy", "--flow", "copy", "--since", "1h", "--json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> json = new ObjectMapper().readValue(runs.out(), List.class);
    assertThat(json).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("id", id.group(1)).containsEntry("status", "succeeded").containsEntry("read", 2).containsEntry("written", 2);
    });
    assertThat(weft("runs", "--status", "failed").out()).isEqualTo("No runs match.\n");
    assertThat(weft("runs").out()).contains("RUN").contains(id.group(1)).contains("acme-copy  copy  manual   succeeded");
    InProcessWeft.Outcome badFilter = weft("runs", "--status", "lost", "--since", "yesterday");
    assertThat(badFilter.status()).isEqualTo(1);
    assertThat(badFilter.err()).contains("  status: must be running, succeeded or failed (got lost)").contains("  since: must be a time like");

    InProcessWeft.Outcome logs = weft("logs", id.group(1), "--follow");
    assertThat(logs.status()).isZero();
    assertThat(logs.out()).contains("INFO   run of flow copy started").endsWith("-- run succeeded\n");
    assertThat(weft("logs", "no-such-run").status()).isEqualTo(1);

    assertThat(weft("instance", "delete", "acme-copy").out()).contains("instance acme-copy deleted");
    assertThat(weft("instance", "show", "acme-copy").err()).contains("404 no instance acme-copy");
    for (InProcessWeft.Outcome o : outcomes) assertThat(o.out() + o.err()).doesNotContain(SECRET);
  }

  @Test
  void tokens_are_created_listed_without_values_and_revoked() {
    InProcessWeft.Outcome created = weft("token", "create", "--customer", "acme", "--name", "acme portal");
    assertThat(created.status()).as(created.err()).isZero();
    String token = created.out().strip();
    assertThat(token).startsWith("weft_").hasSize(53);
    Matcher id = Pattern.compile("token (tok_[0-9a-f]+) \\(customer acme\\) created").matcher(created.err());
    assertThat(id.find()).as(created.err()).isTrue();

    assertThat(as(token, "", "instance", "list").status()).isZero();
    InProcessWeft.Outcome list = weft("token", "list");
    assertThat(list.out()).contains(id.group(1) + "  acme portal       customer  acme").contains("WEFT_ADMIN_TOKEN  admin").doesNotContain(token)
        .doesNotContain(ADMIN);
    assertThat(list.out().lines().filter(l -> l.startsWith(id.group(1))).findFirst().orElseThrow()).doesNotEndWith("never");
    assertThat(as(token, "", "token", "list").err()).contains("403 this needs an admin token");
    assertThat(weft("token", "create", "--admin", "--customer", "x").status()).isEqualTo(2);

    assertThat(weft("token", "revoke", id.group(1)).out()).contains("token " + id.group(1) + " revoked");
    InProcessWeft.Outcome refused = as(token, "", "instance", "list");
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("401 unknown token").contains("--token or $WEFT_TOKEN");
    String adminId = weft("token", "list").out().lines().filter(l -> l.contains("WEFT_ADMIN_TOKEN")).findFirst().orElseThrow().split(" ")[0];
    assertThat(weft("token", "revoke", adminId).err()).contains("409").contains("last admin token");
    assertThat(weft("token", "revoke", "tok_nope").err()).contains("404 no token tok_nope");
  }

  @Test
  void an_unreachable_server_says_so_with_exit_2() {
    InProcessWeft.Outcome o = InProcessWeft.run("instance", "list", "--server", "http://127.0.0.1:9", "--token", "x");
    assertThat(o.status()).isEqualTo(2);
    assertThat(o.err()).contains("cannot reach http://127.0.0.1:9").contains("is weft serve running?");
  }
}
