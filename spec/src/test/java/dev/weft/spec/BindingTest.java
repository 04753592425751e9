package dev.weft.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Auth;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.Endpoint;
import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import dev.weft.model.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The YAML lands in the model as DESIGN.md "The spec format" and "Format details" say. */
class BindingTest {

  static Spec load(Path file) {
    LoadResult result = SpecLoader.load(file);
    assertThat(result.errors()).isEmpty();
    return result.spec().orElseThrow();
  }

  static Spec load(String yaml) {
    LoadResult result = SpecLoader.load("test.yaml", yaml);
    assertThat(result.errors()).isEmpty();
    return result.spec().orElseThrow();
  }

  @Test
  void theShopExampleBindsEverySection() {
    Spec spec = load(Path.of("../examples/shop-orders-to-ledger.yaml"));
    assertThat(spec.weft()).isEqualTo(1);
    assertThat(spec.neededBy()).contains("2027-02-01");
    assertThat(spec.revisions()).extracting(Spec.Revision::action).containsExactly("Drafted", "Approved");
    assertThat(spec.systems().keySet()).containsExactly("ledger", "shopfront");
    assertThat(spec.ours().map(SystemDef::id)).contains("ledger");
    SystemDef shop = spec.system("shopfront").orElseThrow();
    assertThat(shop.auth()).isEqualTo(new Auth.ApiKey(Auth.Scope.CUSTOMER, "${config.shopfront_key}", Optional.of("X-Api-Key"), Optional.empty()));
    assertThat(shop.rateLimit()).contains(new SystemDef.RateLimit(5, Duration.ofSeconds(1)));
    assertThat(spec.config().get(1).defaultValue()).contains(List.of("paid", "shipped"));
    assertThat(spec.plans()).containsEntry("starter", List.of("orders"));

    Flow orders = spec.flow("orders").orElseThrow();
    assertThat(orders.triggers()).containsExactly(new Trigger.Every(Duration.ofMinutes(15)), new Trigger.Manual());
    Flow.Pipeline p = (Flow.Pipeline) orders.body();
    Source s = p.source();
    assertThat(s.endpoint()).contains(new Endpoint("GET", "/orders?status=any"));
    assertThat(s.paginate().map(Source.Paginate::style)).contains(Source.Paginate.Style.CURSOR);
    assertThat(s.incremental()).contains(new Source.Incremental("updated_at", Optional.of("updated_at_min")));
    assertThat(s.after()).isEqualTo(Source.After.KEEP);
    List<MapRow> map = p.map();
    assertThat(map.get(0).operation()).isEqualTo(new Operation.Copy());
    assertThat(map.get(0).required()).isTrue();
    assertThat(map.get(1).from()).containsExactly("customer.first_name", "customer.last_name");
    assertThat(map.get(1).fromIsList()).isTrue();
    assertThat(map.get(1).operation()).isEqualTo(new Operation.Concat(" "));
    assertThat(map.get(2).operation()).isEqualTo(new Operation.Convert("lb", "kg"));
    assertThat(map.get(2).round()).contains(3);
    assertThat(map.get(3).operation()).isEqualTo(new Operation.Expr("$ / 100"));
    assertThat(map.get(4).operation()).isEqualTo(new Operation.Date(Optional.empty(), Optional.of("Europe/Berlin"), Optional.of("yyyy-MM-dd")));
    assertThat(map.get(5).operation()).isEqualTo(new Operation.Lookup(Map.of("paid", "P", "shipped", "S", "refunded", "R")));
    assertThat(map.get(5).defaultValue()).contains("?");
    assertThat(map.get(6).from()).isEmpty();
    assertThat(map.get(6).operation()).isEqualTo(new Operation.Value("shopfront"));
    assertThat(p.target()).isEqualTo(new Target("ledger", Optional.of("ledger_orders"), Target.Write.UPSERT, List.of("external_id"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(orders.volume()).contains(new Flow.Volume(Optional.of(2000L), Optional.of(50000L)));
    assertThat(orders.errors().retry()).isEqualTo(new ErrorPolicy.Retry(5, Duration.ofSeconds(1), Duration.ofMinutes(2)));
    assertThat(orders.errors().notifyWebhook()).contains("${config.alert_url}");
    assertThat(spec.tests().get(0).input()).containsEntry("id", 7L).containsEntry("weight_lb", 10L);
    assertThat(spec.tests().get(0).expect()).containsEntry("weight_kg", 4.536);
  }

  @Test
  void aSyncFlowBindsBothSidesAndDirections() {
    Spec spec = load(Path.of("../examples/contacts-two-way.yaml"));
    Sync sync = (Sync) spec.flows().get(0).body();
    assertThat(sync.a().endpoint()).contains("/contacts");
    assertThat(sync.b().table()).contains("customers");
    assertThat(sync.match()).contains(new Sync.Match("email", "email"));
    assertThat(sync.bToA().get(1).operation()).isEqualTo(new Operation.Split(" ", Optional.of(2)));
    assertThat(sync.bToA().get(1).to()).containsExactly("firstName", "lastName");
    assertThat(sync.conflict()).isEqualTo(Sync.Conflict.NEWEST);
  }

  @Test
  void defaultsApplyWhereNothingIsSaid() {
    Spec spec = load(minimal("target: { system: db, table: t }", "trigger: { schedule: every 2h }"));
    Flow flow = spec.flows().get(0);
    assertThat(flow.triggers()).containsExactly(new Trigger.Every(Duration.ofHours(2)));
    assertThat(((Flow.Pipeline) flow.body()).target().write()).isEqualTo(Target.Write.INSERT);
    assertThat(flow.errors()).isEqualTo(ErrorPolicy.DEFAULT);
    assertThat(spec.system("db").orElseThrow().auth().scope()).isEqualTo(Auth.Scope.SYSTEM);
  }

  @Test
  void schedulesWebhooksAndKeysInTheirShorterForms() {
    assertThat(load(minimal("target: { system: db, table: t }", "trigger: { schedule: every 15m }")).flows().get(0).triggers())
        .containsExactly(new Trigger.Every(Duration.ofMinutes(15)));
    assertThat(load(minimal("target: { system: db, table: t }", "trigger: { schedule: every 1 day }")).flows().get(0).triggers())
        .containsExactly(new Trigger.Every(Duration.ofDays(1)));
    assertThat(load(minimal("target: { system: db, table: t }", "trigger: { schedule: { cron: \"*/5 * * * *\", zone: UTC }, manual: true }")).flows().get(0).triggers())
        .containsExactly(new Trigger.Cron("*/5 * * * *", Optional.of("UTC")), new Trigger.Manual());
    Spec hooked = load(minimal("target: { system: db, table: t, write: update, key: [a, b] }",
        "trigger: { manual: true, webhook: { path: gh, records: items, verify: { scheme: stripe, secret: \"${secret.s}\", tolerance: 5m } } }"));
    assertThat(hooked.flows().get(0).trigger(Trigger.Webhook.class)).contains(new Trigger.Webhook("gh",
        Optional.of(new Trigger.Verify(Trigger.Verify.Scheme.STRIPE, Optional.empty(), "${secret.s}", Optional.of(Duration.ofMinutes(5)))), Optional.of("items")));
    assertThat(((Flow.Pipeline) hooked.flows().get(0).body()).target().key()).containsExactly("a", "b");
  }

  @Test
  void yaml12KeepsNorwayAndDatesAsText() {
    Spec spec = load(minimal("target: { system: db, table: t }", "trigger: { manual: true }")
        .replace("- { from: id, to: id }", "- { from: country, to: country, lookup: { NO: Norway, on: On, yes: Yes, 2026-01-01: newyear } }"));
    Operation.Lookup lookup = (Operation.Lookup) ((Flow.Pipeline) spec.flows().get(0).body()).map().get(0).operation();
    assertThat(lookup.table()).containsOnlyKeys("NO", "on", "yes", "2026-01-01").containsEntry("on", "On");
  }

  static String minimal(String target, String trigger) {
    return """
        weft: 1
        id: demo
        name: Demo
        systems:
          shop: { connection: api, url: "https://x.example", auth: { method: none } }
          db: { connection: datastore, url: "jdbc:h2:mem:x", auth: { method: none } }
        flows:
          - id: f
            %s
            source: { system: shop, endpoint: GET /items }
            map:
              - { from: id, to: id }
            %s
        """.formatted(trigger, target);
  }
}
