package dev.weft.doc;

import static java.util.Optional.empty;
import static java.util.Optional.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Auth;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.model.Trigger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's answers in words: triggers, connections, modifications. */
class WordsTest {

  private static String md(Text text) {
    return MarkdownWriter.inline(text, false);
  }

  private static Flow withTriggers(Trigger... triggers) {
    Flow f = Specs.minimal().flows().get(0);
    return new Flow(f.id(), f.name(), List.of(triggers), f.body(), f.volume(), f.errors());
  }

  @Test
  void triggersAndRunFrequency() {
    Flow orders = Specs.designExample().flows().get(0);
    assertThat(md(TriggerWords.trigger(Specs.designExample(), orders))).isEqualTo(
        "Runs every 15 minutes, when a signed webhook arrives at `/hooks/{instance}/orders` (signature: HMAC SHA-256 of the body in header `X-Shopfront-Signature`), and on demand.");
    assertThat(md(TriggerWords.frequency(orders))).isEqualTo("Every 15 minutes, as events arrive, and on demand");

    Flow none = withTriggers();
    assertThat(md(TriggerWords.trigger(Specs.minimal(), none))).isEqualTo("Runs on demand only (no trigger declared).");
    assertThat(md(TriggerWords.frequency(none))).isEqualTo("On demand only");

    Flow hook = withTriggers(new Trigger.Webhook("paid", empty(), empty()));
    assertThat(md(TriggerWords.frequency(hook))).isEqualTo("As events arrive");
    assertThat(md(TriggerWords.trigger(Specs.minimal(), hook))).isEqualTo("Runs when a webhook arrives at `/hooks/{instance}/paid` (unsigned).");

    Flow event = withTriggers(new Trigger.Event("bus", "orders.created"));
    assertThat(md(TriggerWords.frequency(event))).isEqualTo("As events arrive");
    assertThat(md(TriggerWords.trigger(Specs.minimal(), event))).isEqualTo("Runs when a message arrives on `orders.created` at bus.");

    assertThat(md(TriggerWords.frequency(withTriggers(new Trigger.Every(Duration.ofHours(1)))))).isEqualTo("Every hour");
    assertThat(md(TriggerWords.frequency(withTriggers(new Trigger.Every(Duration.ofMinutes(90)))))).isEqualTo("Every 1 hour 30 minutes");
  }

  @Test
  void cronIsSaidInWordsWithTheRawExpressionAndZone() {
    assertThat(md(TriggerWords.cron(new Trigger.Cron("*/15 * * * *", empty())))).isEqualTo("`*/15 * * * *` (every 15 minutes, UTC)");
    assertThat(md(TriggerWords.cron(new Trigger.Cron("0 */2 * * *", of("Europe/Berlin"))))).startsWith("`0 */2 * * *` (").endsWith(", Europe/Berlin)");
    assertThat(TriggerWords.words("not a cron")).isEmpty();
    assertThat(md(TriggerWords.cron(new Trigger.Cron("not a cron", empty())))).isEqualTo("`not a cron` (UTC)");
  }

  private static SystemDef system(ConnectionKind kind, String url) {
    return new SystemDef("s", empty(), false, kind, url, empty(), new Auth.None(Auth.Scope.SYSTEM), empty(), Map.of());
  }

  @Test
  void transferProtocolIsSaidFromTheUrl() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("https://a.example", "HTTPS");
    expected.put("http://127.0.0.1:3000", "HTTP");
    expected.put("jdbc:postgresql://h/db", "PostgreSQL wire protocol over JDBC");
    expected.put("jdbc:mariadb://h/db", "MariaDB/MySQL protocol over JDBC");
    expected.put("jdbc:mysql://h/db", "MariaDB/MySQL protocol over JDBC");
    expected.put("jdbc:h2:./data/weft", "H2 embedded over JDBC");
    expected.put("jdbc:sqlite:/tmp/x.db", "SQLite embedded over JDBC");
    expected.put("sftp://h:22/in", "SFTP over SSH");
    expected.put("file:///srv/drop", "Local filesystem");
    expected.put("amqp://guest:guest@h:5672/", "AMQP 0-9-1");
    expected.put("mqtt://h:1883", "MQTT");
    expected.put("nats://h:4222", "NATS");
    expected.forEach((url, words) -> assertThat(md(ConnectionWords.transferProtocol(system(ConnectionKind.API, url)))).as(url).isEqualTo(words));
  }

  @Test
  void aUrlSetPerCustomerIsSaidFromItsConfigDefault() {
    dev.weft.model.Spec spec = dev.weft.spec.SpecLoader.load("per-customer.yaml", """
        weft: 1
        id: per-customer
        name: Per customer
        systems:
          crm: { connection: api, url: "${config.crm_url}", format: json, auth: { method: none } }
          shop: { connection: api, url: "${config.shop_url}", format: json, auth: { method: none } }
          db: { connection: datastore, url: "jdbc:h2:mem:x", auth: { method: none } }
        config:
          - { key: crm_url, label: CRM address, type: url, default: "https://crm.example/api" }
          - { key: shop_url, label: Shop address, type: url, required: true }
        flows:
          - { id: f, source: { system: crm, endpoint: GET /a }, map: [ { from: a, to: a } ], target: { system: db, table: t } }
        """).spec().orElseThrow();
    SystemDef crm = spec.system("crm").orElseThrow();
    assertThat(md(ConnectionWords.transferProtocol(spec, crm)))
        .isEqualTo("HTTPS (the default of `crm_url`; each customer may set another)");
    assertThat(md(ConnectionWords.transferProtocol(spec, spec.system("shop").orElseThrow()))).isEqualTo("Set by each customer's `shop_url`");
    assertThat(md(ConnectionWords.transferProtocol(spec, spec.system("db").orElseThrow()))).isEqualTo("H2 embedded over JDBC");
    assertThat(ConnectionWords.byDefaultUrl(spec, crm).url()).isEqualTo("https://crm.example/api");
    assertThat(FlowGraph.of(spec).nodes()).extracting(FlowGraph.Node::detail).startsWith("API · HTTPS", "API");
  }

  @Test
  void connectionKindLanguageAndAuthInWords() {
    SystemDef broker = system(ConnectionKind.BROKER, "amqp://h/");
    assertThat(md(ConnectionWords.point(broker))).isEqualTo("Message broker at `amqp://h/`");
    assertThat(md(ConnectionWords.transportLanguage(system(ConnectionKind.DATASTORE, "jdbc:h2:mem:x")))).isEqualTo("SQL rows");
    assertThat(md(ConnectionWords.transportLanguage(broker))).isEqualTo("*Not specified*");
    assertThat(md(ConnectionWords.authMethod(new Auth.ApiKey(Auth.Scope.CUSTOMER, "${config.k}", of("X-Api-Key"), empty()))))
        .startsWith("API key in header `X-Api-Key`");
    assertThat(md(ConnectionWords.authMethod(new Auth.OAuth2ClientCredentials(Auth.Scope.SYSTEM, "https://t", "id", "${secret.s}", List.of()))))
        .startsWith("OAuth 2.0 client credentials");
    assertThat(md(ConnectionWords.authMethod(new Auth.Password(Auth.Scope.SYSTEM, "u", "${secret.p}")))).startsWith("Username and password");
    assertThat(md(ConnectionWords.authScope(new Auth.None(Auth.Scope.SYSTEM)))).isEqualTo("A single set of credentials for a system user");
    assertThat(md(ConnectionWords.authScope(new Auth.None(Auth.Scope.CUSTOMER)))).isEqualTo("Each customer provides their own credentials");
    assertThat(md(ConnectionWords.rateLimit(new SystemDef.RateLimit(30, Duration.ofMinutes(1))))).isEqualTo("30 requests per minute");
  }

  private static String action(MapRow row) {
    return md(ModificationWords.action(row, ErrorPolicy.InvalidRecords.DEAD_LETTER));
  }

  private static MapRow row(Operation op) {
    return new MapRow(List.of("x"), false, List.of("y"), op, empty(), false, empty());
  }

  @Test
  void modificationsInPlainWords() {
    assertThat(action(new MapRow(List.of("weight_lb"), false, List.of("weight_kg"), new Operation.Convert("lb", "kg"), empty(), false, of(3))))
        .isEqualTo("converted from pounds to kilograms, rounded to 3 decimals");
    assertThat(action(row(new Operation.Concat(" ")))).isEqualTo("joined with ' '");
    assertThat(action(row(new Operation.Split(" ", of(2))))).isEqualTo("split on ' ' into at most 2 parts");
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("paid", "P");
    table.put("shipped", "S");
    assertThat(action(new MapRow(List.of("status"), false, List.of("state"), new Operation.Lookup(table), of("U"), false, empty())))
        .isEqualTo("looked up (paid → P, shipped → S); otherwise 'U'");
    assertThat(action(row(new Operation.Date(empty(), of("Europe/Berlin"), of("yyyy-MM-dd")))))
        .isEqualTo("read as a date and written as `yyyy-MM-dd` in Europe/Berlin");
    assertThat(action(row(new Operation.Date(of("dd/MM/yyyy"), empty(), empty()))))
        .isEqualTo("read as a date with the pattern `dd/MM/yyyy` and written as ISO-8601");
    assertThat(action(row(new Operation.Expr("$ / 100")))).isEqualTo("computed with the expression `$ / 100`");
    assertThat(action(row(new Operation.Value("shopfront")))).isEqualTo("value 'shopfront' written");
    assertThat(action(new MapRow(List.of("c"), false, List.of("c"), new Operation.Copy(), of("EUR"), false, empty())))
        .isEqualTo("copied; when empty, 'EUR' is written");
    assertThat(md(ModificationWords.action(new MapRow(List.of("v"), false, List.of("v"), new Operation.Copy(), empty(), true, empty()),
        ErrorPolicy.InvalidRecords.SKIP))).isEqualTo("copied; required: a record without a value is invalid and is skipped");
    assertThat(ModificationWords.modifies(row(new Operation.Copy()))).isFalse();
  }

  @Test
  void aLongLookupTableIsShortened() {
    Map<String, Object> table = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) table.put("k" + i, "v" + i);
    assertThat(action(row(new Operation.Lookup(table)))).contains("k7 → v7, and 4 more").doesNotContain("k8");
  }

  @Test
  void volumeAndDeliveryInWords() {
    Flow orders = Specs.designExample().flows().get(0);
    assertThat(md(FlowWords.volume(orders))).isEqualTo(
        "About 2,000 records per run. Safety cap: a run that would move more than 50,000 records stops with an error before it writes.");
    assertThat(md(FlowWords.deliveryGuarantee(orders))).startsWith("Exactly-once in effect");
    assertThat(md(FlowWords.deliveryGuarantee(Specs.minimal().flows().get(0)))).startsWith("At-least-once");
  }

  @Test
  void durationsInWords() {
    assertThat(Values.duration(Duration.ofMillis(500))).isEqualTo("500 milliseconds");
    assertThat(Values.duration(Duration.ofSeconds(90))).isEqualTo("1 minute 30 seconds");
    assertThat(Values.every(Duration.ofDays(1))).isEqualTo("every day");
    assertThat(Values.every(Duration.ofMinutes(5))).isEqualTo("every 5 minutes");
  }
}
