package dev.weft.cli;

import static dev.weft.cli.SyncIT.execute;
import static dev.weft.cli.SyncIT.rows;
import static dev.weft.cli.SyncIT.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.Connectors;
import dev.weft.engine.FlowRunner;
import dev.weft.engine.ProgressListener;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.SyncSummary;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import dev.weft.testkit.RecordApiServer;
import dev.weft.testkit.Services;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way sync with REST APIs on loopback that hold their own records: the contacts example (API <->
 * MariaDB) run as shipped, and API <-> API.
 */
class SyncApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("..", "examples", "contacts-two-way.yaml");
  /** The example's own table: no other test uses this name in the shared database. */
  private static final String HELPDESK = "customers";

  private final RecordApiServer crm = RecordApiServer.start().token("crm-t0ken").pageSize(7);
  private RecordApiServer other;
  private Connection maria;

  @AfterEach
  void tearDown() throws Exception {
    crm.close();
    if (other != null) other.close();
    if (maria != null) {
      execute(maria, "DROP TABLE IF EXISTS " + HELPDESK);
      maria.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) throws Exception {
    return JSON.readValue(text, Map.class);
  }

  /**
   * examples/contacts-two-way.yaml through {@code weft run} as shipped, given only what a user
   * gives: the CRM's address and token as config values. The CRM answers lists as json-server does
   * (a bare array, further pages in the {@code Link} header); the helpdesk table is the example's
   * {@code customers}, created here as the example's prerequisites say.
   */
  @Test
  @SuppressWarnings("unchecked")
  void the_contacts_example_syncs_an_api_and_a_mariadb_table_through_weft_run(@TempDir Path dir) throws Exception {
    Services.MARIADB.require();
    crm.plainLists();
    maria = DriverManager.getConnection(SyncIT.MARIADB, "root", "");
    execute(maria, "DROP TABLE IF EXISTS " + HELPDESK);
    execute(maria, "CREATE TABLE " + HELPDESK + " (customer_id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100),"
        + " full_name VARCHAR(200), phone VARCHAR(40),"
        + " modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6))");
    String state = "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath() + ";WRITE_DELAY=0";
    String ada = crm.add("contacts", Map.of("email", "ada@example.com", "firstName", "Ada", "lastName", "Lovelace", "phone", "100"));
    crm.add("contacts", Map.of("email", "alan@example.com", "firstName", "Alan", "lastName", "Turing", "phone", "200"));
    for (int i = 0; i < 8; i++) {
      crm.add("contacts", Map.of("email", "lead" + i + "@example.com", "firstName", "Lead", "lastName", "No" + i, "phone", "9" + i));
    }
    execute(maria, "INSERT INTO " + HELPDESK + " (email, full_name, phone) VALUES ('ADA@example.com ', 'Ada Lovelace', '100'),"
        + " ('grace@example.com', 'Grace Hopper', '300')");
    String[] run = {"run", EXAMPLE.toString(), "--flow", "contacts", "--json", "--state", state,
        "--config", "crm_url=" + crm.url(), "--config", "crm_token=crm-t0ken"};

    InProcessWeft.Outcome first = InProcessWeft.run(run);

    assertThat(first.status()).as(first.err()).isZero();
    Map<String, Object> out = json(first.out());
    assertThat(out).containsEntry("status", "succeeded");
    Map<String, Object> sync = (Map<String, Object>) out.get("sync");
    assertThat((Map<String, Object>) sync.get("a")).as("created in the CRM").containsEntry("created", 1);
    assertThat((Map<String, Object>) sync.get("b")).as("created in the helpdesk").containsEntry("created", 9);
    assertThat(crm.requests("GET")).extracting(RecordApiServer.Request::query).contains("cursor=Nw&per_page=7");
    assertThat(crm.records("contacts")).hasSize(11).anySatisfy(r ->
        assertThat(r).containsEntry("firstName", "Grace").containsEntry("lastName", "Hopper").containsEntry("phone", "300"));
    assertThat(rows(maria, "SELECT email, full_name, phone FROM " + HELPDESK + " WHERE email = 'lead7@example.com'"))
        .containsExactly(Map.of("email", "lead7@example.com", "full_name", "Lead No7", "phone", "97"));
    assertThat(rows(maria, "SELECT email, full_name FROM " + HELPDESK + " WHERE email = 'alan@example.com'"))
        .containsExactly(Map.of("email", "alan@example.com", "full_name", "Alan Turing"));
    assertThat(value(maria, "SELECT COUNT(*) FROM " + HELPDESK)).isEqualTo("11");

    InProcessWeft.Outcome quiet = InProcessWeft.run(run);
    assertThat(json(quiet.out())).containsEntry("written", 0);
    int writesBefore = crm.requests("PATCH").size() + crm.requests("POST").size();

    crm.edit("contacts", ada, Map.of("phone", "111"));
    execute(maria, "UPDATE " + HELPDESK + " SET full_name = 'Grace Brewster' WHERE email = 'grace@example.com'");
    InProcessWeft.Outcome edits = InProcessWeft.run(run);
    assertThat(json(edits.out())).containsEntry("written", 2);
    assertThat(value(maria, "SELECT phone FROM " + HELPDESK + " WHERE email LIKE 'ADA%'")).isEqualTo("111");
    assertThat(crm.records("contacts")).anySatisfy(r -> assertThat(r).containsEntry("lastName", "Brewster"));
    assertThat(crm.requests("PATCH")).last().satisfies(r -> assertThat(r.body()).isEqualTo("{\"lastName\":\"Brewster\"}"));
    assertThat(crm.requests("PATCH").size() + crm.requests("POST").size()).isEqualTo(writesBefore + 1);

    InProcessWeft.Outcome echo = InProcessWeft.run("run", EXAMPLE.toString(), "--flow", "contacts", "--state", state,
        "--config", "crm_url=" + crm.url(), "--config", "crm_token=crm-t0ken");
    assertThat(echo.status()).isZero();
    assertThat(echo.out()).contains("Both sides were already in step.");
  }

  private static Spec apiToApi(String crmUrl, String otherUrl, String conflict, String deletes) {
    String yaml = """
        weft: 1
        id: api-sync-it
        name: Contacts between two APIs
        systems:
          crm: { connection: api, url: "%s", format: json, auth: { method: bearer, token: crm-t0ken } }
          shop: { connection: api, url: "%s", format: json, auth: { method: none } }
        flows:
          - id: contacts
            sync:
              a: { system: crm, endpoint: /contacts, records: data, id: id, updated: updatedAt }
              b: { system: shop, endpoint: /customers, records: data, id: id, updated: updatedAt }
              match: [email, mail]
              a_to_b:
                - { from: email, to: mail }
                - { from: [firstName, lastName], to: name, do: concat, with: " " }
              b_to_a:
                - { from: mail, to: email }
                - { from: name, to: [firstName, lastName], do: split, on: " ", limit: 2 }
              conflict: %s
              deletes: %s
        """.formatted(crmUrl, otherUrl, conflict, deletes);
    LoadResult loaded = SpecLoader.load("api-sync-it.yaml", yaml);
    assertThat(loaded.problems()).filteredOn(p -> p.severity().name().equals("ERROR")).isEmpty();
    return loaded.spec().orElseThrow();
  }

  @Test
  void two_apis_pair_carry_edits_settle_a_conflict_and_propagate_deletes() throws Exception {
    other = RecordApiServer.start().pageSize(4);
    Spec spec = apiToApi(crm.url(), other.url(), "prefer-b", "propagate");
    String ada = crm.add("contacts", Map.of("email", "ada@example.com", "firstName", "Ada", "lastName", "Lovelace"));
    String alan = crm.add("contacts", Map.of("email", "alan@example.com", "firstName", "Alan", "lastName", "Turing"));
    String adaShop = other.add("customers", Map.of("mail", "ada@example.com", "name", "Ada Lovelace"));
    for (int i = 0; i < 10; i++) other.add("customers", Map.of("mail", "c" + i + "@example.com", "name", "Cust " + i));

    try (Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
      FlowRunner runner = new FlowRunner(store, Connectors.discovered());
      SyncSummary first = sync(runner, spec);
      assertThat(first.a().created()).isEqualTo(10);
      assertThat(first.b().created()).isEqualTo(1);
      assertThat(store.idMap().byA("default", "contacts", List.of(ada)).get(ada).bId()).isEqualTo(adaShop);
      assertThat(sync(runner, spec).written()).isZero();

      crm.edit("contacts", ada, Map.of("lastName", "King"));
      other.edit("customers", adaShop, Map.of("name", "Ada Byron"));
      crm.remove("contacts", alan);
      SyncSummary clash = sync(runner, spec);
      assertThat(clash.conflicts()).isEqualTo(1);
      assertThat(crm.record("contacts", ada).orElseThrow()).containsEntry("lastName", "Byron");
      assertThat(clash.b().deleted()).isEqualTo(1);
      assertThat(other.records("customers")).extracting(r -> r.get("mail")).doesNotContain("alan@example.com").hasSize(11);
      assertThat(sync(runner, spec).written()).isZero();
    }
  }

  private static SyncSummary sync(FlowRunner runner, Spec spec) throws Exception {
    RunResult result = runner.run(RunRequest.of(spec, "contacts"), ProgressListener.none());
    assertThat(result.status()).as("run: %s", result.failure()).isEqualTo(RunStatus.SUCCEEDED);
    return result.sync().orElseThrow();
  }
}
