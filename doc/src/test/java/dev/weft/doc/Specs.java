package dev.weft.doc;

import static java.util.Optional.empty;
import static java.util.Optional.of;

import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.Endpoint;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.model.Target;
import dev.weft.model.Trigger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Specs built as records, for tests that must not depend on the YAML loader. */
final class Specs {
  private Specs() {}

  /** The example spec of DESIGN.md ("Shopfront orders to Ledger"), record by record. */
  static Spec designExample() {
    Map<String, SystemDef> systems = new LinkedHashMap<>();
    systems.put("ledger", new SystemDef("ledger", of("Ledger"), true, ConnectionKind.DATASTORE,
        "jdbc:postgresql://localhost:5432/ledger", empty(),
        new Auth.Password(Auth.Scope.SYSTEM, "ledger", "${secret.ledger_password}"), empty(), Map.of()));
    systems.put("shopfront", new SystemDef("shopfront", of("Shopfront"), false, ConnectionKind.API,
        "https://api.shopfront.example/v2", of(SystemDef.Format.JSON),
        new Auth.ApiKey(Auth.Scope.CUSTOMER, "${config.shopfront_key}", of("X-Api-Key"), empty()),
        of(new SystemDef.RateLimit(5, Duration.ofSeconds(1))), Map.of()));

    List<ConfigOption> config = List.of(
        new ConfigOption("shopfront_key", of("Shopfront API key"), ConfigOption.Type.SECRET, true, empty(), List.of(), empty()),
        new ConfigOption("statuses", of("Order statuses to send"), ConfigOption.Type.LIST, false,
            of(List.of("paid", "shipped")), List.of("paid", "shipped", "refunded"), empty()),
        new ConfigOption("alert_url", of("Alert webhook"), ConfigOption.Type.URL, false, empty(), List.of(), empty()));

    Map<String, List<String>> plans = new LinkedHashMap<>();
    plans.put("starter", List.of("orders"));
    plans.put("pro", List.of("orders", "contacts"));

    Map<String, Object> lookup = new LinkedHashMap<>();
    lookup.put("paid", "P");
    lookup.put("shipped", "S");
    lookup.put("refunded", "R");
    Flow orders = new Flow("orders", of("Orders to the ledger"),
        List.of(new Trigger.Every(Duration.ofMinutes(15)),
            new Trigger.Webhook("orders", of(new Trigger.Verify(Trigger.Verify.Scheme.HMAC_SHA256, of("X-Shopfront-Signature"),
                "${secret.webhook_secret}", empty())), empty()),
            new Trigger.Manual()),
        new Flow.Pipeline(
            new Source("shopfront", of(new Endpoint("GET", "/orders")), empty(), empty(), empty(), empty(), of("orders"),
                of(new Source.Paginate(Source.Paginate.Style.CURSOR, of("page_info"), empty(), empty(), empty(), of("next_page_info"))),
                of(new Source.Incremental("updated_at", of("updated_at_min"))), of("status in $config.statuses"), Source.After.KEEP),
            List.of(
                copy("id", "external_id"),
                row(List.of("customer.first_name", "customer.last_name"), List.of("customer_name"), new Operation.Concat(" ")),
                new MapRow(List.of("weight_lb"), false, List.of("weight_kg"), new Operation.Convert("lb", "kg"), empty(), false, of(3)),
                row(List.of("shipping_address"), List.of("street", "city", "postcode"), new Operation.Split(", ", empty())),
                row(List.of("total_cents"), List.of("total"), new Operation.Expr("$ / 100")),
                row(List.of("created_at"), List.of("created_on"), new Operation.Date(empty(), of("Europe/Berlin"), of("yyyy-MM-dd"))),
                row(List.of("status"), List.of("state"), new Operation.Lookup(lookup)),
                row(List.of(), List.of("origin"), new Operation.Value("shopfront"))),
            new Target("ledger", of("orders"), Target.Write.UPSERT, List.of("external_id"), empty(), empty(), empty(), empty())),
        of(new Flow.Volume(of(2000L), of(50000L))),
        new ErrorPolicy(new ErrorPolicy.Retry(5, Duration.ofSeconds(1), Duration.ofMinutes(2)), ErrorPolicy.InvalidRecords.DEAD_LETTER,
            of("${config.alert_url}"), of("Order {{external_id}} could not be sent to the ledger: {{error}}")));

    Flow contacts = new Flow("contacts", empty(), List.of(),
        new Sync(
            new Sync.Side("shopfront", of("/customers"), empty(), "id", of("updated_at"), empty(), empty(), empty(), empty()),
            new Sync.Side("ledger", empty(), of("customers"), "customer_id", of("modified_at"), empty(), empty(), empty(), empty()),
            of(new Sync.Match("email", "email")),
            List.of(copy("email", "email"),
                row(List.of("first_name", "last_name"), List.of("full_name"), new Operation.Concat(" "))),
            List.of(copy("email", "email"),
                row(List.of("full_name"), List.of("first_name", "last_name"), new Operation.Split(" ", of(2)))),
            Sync.Conflict.NEWEST, Sync.Deletes.IGNORE),
        empty(), ErrorPolicy.DEFAULT);

    return new Spec(1, "shop-orders-to-ledger", "Shopfront orders to Ledger",
        of("Every new or changed Shopfront order lands in the Ledger orders table."), of("2027-02-01"),
        of("OKR 2027-Q1: self-serve ecommerce integrations"),
        List.of(new Spec.Revision("2026-11-20", "Drafted", "Integration team"),
            new Spec.Revision("2026-11-24", "Approved", "Head of Operations")),
        new Spec.Prerequisites(
            List.of(new Spec.SystemChange("2026-12-01", "ledger", "Add column orders.weight_kg")),
            List.of(new Spec.Sandbox("Shopfront sandbox", "https://sandbox.shopfront.example/v2", of("shopfront.openapi.json"))),
            List.of(new Spec.Walkthrough("2026-11-18", "shopfront", "Integration team")),
            List.of(new Spec.Sme("shopfront", of("Shopfront Inc."), of("api@shopfront.example"), of("API support")))),
        new Spec.UserStories(of("As a finance clerk I want every web order in the ledger within 15 minutes."),
            List.of("As a customer admin I choose which order statuses are sent.")),
        of("Ledger > Orders gains the column \"Weight (kg)\"."), empty(), systems, config, plans,
        new Spec.CustomerExperience(of("Low. One API key and a status list."),
            of("Customers self-serve; customer success for enterprise accounts.")),
        List.of(orders, contacts),
        List.of());
  }

  /** Only what the format requires: one system, one flow without trigger, one copied field. */
  static Spec minimal() {
    SystemDef api = new SystemDef("api", empty(), false, ConnectionKind.API, "http://127.0.0.1:8080", empty(),
        new Auth.None(Auth.Scope.SYSTEM), empty(), Map.of());
    Flow flow = new Flow("copy", empty(), List.of(),
        new Flow.Pipeline(
            new Source("api", of(new Endpoint("GET", "/items")), empty(), empty(), empty(), empty(), empty(), empty(), empty(), empty(), Source.After.KEEP),
            List.of(copy("id", "id")),
            new Target("api", empty(), Target.Write.INSERT, List.of(), of(new Endpoint("POST", "/copies")), empty(), empty(), empty())),
        empty(), ErrorPolicy.DEFAULT);
    return new Spec(1, "minimal", "Minimal", empty(), empty(), empty(), List.of(), Spec.Prerequisites.NONE, Spec.UserStories.NONE,
        empty(), empty(), Map.of("api", api), List.of(), Map.of(), Spec.CustomerExperience.NONE, List.of(flow), List.of());
  }

  static MapRow copy(String from, String to) {
    return new MapRow(List.of(from), false, List.of(to), new Operation.Copy(), empty(), false, empty());
  }

  static MapRow row(List<String> from, List<String> to, Operation op) {
    return new MapRow(from, from.size() > 1, to, op, Optional.empty(), false, Optional.empty());
  }
}
