package dev.weft.spec.internal.format;

import dev.weft.spec.internal.format.Shape.Any;
import dev.weft.spec.internal.format.Shape.AnyOf;
import dev.weft.spec.internal.format.Shape.Bool;
import dev.weft.spec.internal.format.Shape.Int;
import dev.weft.spec.internal.format.Shape.ListOf;
import dev.weft.spec.internal.format.Shape.MapOf;
import dev.weft.spec.internal.format.Shape.Obj;
import dev.weft.spec.internal.format.Shape.Text;
import dev.weft.spec.internal.format.Shape.Word;
import java.util.List;
import java.util.Optional;

/** The spec format, version 1, declared once. */
public final class SpecFormat {
  private SpecFormat() {}

  public static final String SLUG = "^[a-z0-9][a-z0-9_-]*$";
  public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  public static final String DURATION = "^[0-9]+(ms|s|m|h|d)$";
  public static final String EVERY =
      "^every\\s+([0-9]+\\s*)?(minutes?|hours?|days?|m|h|d)$";
  public static final String RATE = "^[0-9]+/(s|m)$";
  public static final String UNITS = "^\\S.*->.*\\S$";

  static Text text() {
    return new Text(Optional.empty(), "text");
  }

  static Text text(String pattern, String hint) {
    return new Text(Optional.of(pattern), hint);
  }

  static Int integer(long min) {
    return new Int(Optional.of(min));
  }

  static Word words(String... words) {
    return new Word(List.of(words));
  }

  static ListOf listOf(Shape item) {
    return new ListOf(item, 0, Optional.empty());
  }

  static ListOf listOf(Shape item, int min) {
    return new ListOf(item, min, Optional.empty());
  }

  static AnyOf textOrList() {
    return new AnyOf(List.of(text(), listOf(text(), 1)));
  }

  static Key req(String name, Shape shape, String doc, String example) {
    return new Key(name, shape, true, doc, example);
  }

  static Key opt(String name, Shape shape, String doc, String example) {
    return new Key(name, shape, false, doc, example);
  }

  static final Shape DATE_TEXT = text(DATE, "a date yyyy-MM-dd");
  static final Shape DURATION_TEXT = text(DURATION, "a duration like 500ms, 2s, 5m, 1h");
  static final Shape SLUG_TEXT = text(SLUG, "a slug (lower-case letters, digits, '-' and '_')");

  public static final Obj REVISION =
      new Obj("revision", "One line of the revision and approval log.", List.of(
          req("date", DATE_TEXT, "When.", "2026-11-20"),
          req("action", text(), "What was done: Drafted, Reviewed, Approved ...", "Approved"),
          opt("by", text(), "Who performed it.", "Head of Operations")));

  public static final Obj SYSTEM_CHANGE =
      new Obj("system change", "A change an integration-related system needs.", List.of(
          opt("date", DATE_TEXT, "When it is due or was made.", "2026-12-01"),
          req("system", text(), "The system (an id under `systems`, or a name).", "ledger"),
          req("change", text(), "What changes: data elements, UI, reports.", "Add column orders.weight_kg")));

  public static final Obj SANDBOX =
      new Obj("sandbox", "Access to a sandbox and API docs.", List.of(
          req("name", text(), "What it is.", "Shopfront sandbox"),
          req("path", text(), "Where it is (URL or path).", "https://sandbox.shopfront.example/v2"),
          opt("openapi", text(), "An OpenAPI document of the API.", "shopfront.openapi.json")));

  public static final Obj WALKTHROUGH =
      new Obj("walkthrough", "A walkthrough of an integration-related system.", List.of(
          req("date", DATE_TEXT, "When.", "2026-11-18"),
          req("system", text(), "Which system.", "shopfront"),
          opt("by", text(), "Who performed it.", "Integration team")));

  public static final Obj SME =
      new Obj("subject matter expert", "Someone who knows a system.", List.of(
          req("system", text(), "Which system.", "shopfront"),
          opt("company", text(), "Their company.", "Shopfront Inc."),
          opt("contact", text(), "How to reach them.", "api@shopfront.example"),
          opt("role", text(), "Their role.", "API support")));

  public static final Obj PREREQUISITES =
      new Obj("prerequisites", "What must be identified and tracked before development.", List.of(
          opt("system_changes", listOf(SYSTEM_CHANGE), "Changes to integration-related systems.", "[{ date: 2026-12-01, system: ledger, change: Add column orders.weight_kg }]"),
          opt("sandboxes", listOf(SANDBOX), "Access to sandboxes and API docs.", "[{ name: Shopfront sandbox, path: \"https://sandbox.shopfront.example/v2\" }]"),
          opt("walkthroughs", listOf(WALKTHROUGH), "Walkthroughs of integration-related systems.", "[{ date: 2026-11-18, system: shopfront, by: Integration team }]"),
          opt("smes", listOf(SME), "Subject matter experts.", "[{ system: shopfront, contact: api@shopfront.example }]")));

  public static final Obj USER_STORIES =
      new Obj("user stories", "Who wants what, and why.", List.of(
          opt("primary", text(), "The primary user story.", "As a finance clerk I want every web order in the ledger within 15 minutes."),
          opt("more", listOf(text()), "Further user stories.", "[As a customer admin I choose which order statuses are sent.]")));

  public static final Obj AUTH =
      new Obj("auth", "How Weft authenticates to the system. Which keys apply depends on `method`.", List.of(
          req("method", new Word(dev.weft.model.Auth.METHODS), "The auth method.", "api-key"),
          opt("scope", words("system", "customer"), "Whose credentials: one general/system user (default), or each customer's own.", "customer"),
          opt("username", text(), "basic, password, ssh-key: the user name.", "ledger"),
          opt("password", text(), "basic, password: the password (use a placeholder).", "\"${secret.ledger_password}\""),
          opt("token", text(), "bearer: the token.", "\"${config.crm_token}\""),
          opt("key", text(), "api-key: the key; ssh-key: the private key.", "\"${config.shopfront_key}\""),
          opt("header", text(), "api-key: the header that carries the key.", "X-Api-Key"),
          opt("query", text(), "api-key: the query parameter that carries the key.", "api_key"),
          opt("token_url", text(), "oauth2-*: the token endpoint.", "https://auth.example/oauth/token"),
          opt("authorize_url", text(), "oauth2-authorization-code: the authorization endpoint.", "https://auth.example/oauth/authorize"),
          opt("client_id", text(), "oauth2-*: the client id.", "weft"),
          opt("client_secret", text(), "oauth2-*: the client secret.", "\"${secret.client_secret}\""),
          opt("scopes", listOf(text()), "oauth2-*: the scopes to request.", "[orders.read]"),
          opt("passphrase", text(), "ssh-key: the key's passphrase.", "\"${secret.key_passphrase}\"")));

  public static final Obj SYSTEM =
      new Obj("system", "One connection of the template.", List.of(
          opt("name", text(), "The name people use.", "Shopfront"),
          opt("ours", new Bool(), "Marks \"Your App\"; at most one system has it.", "true"),
          req("connection", words("api", "datastore", "filesystem", "broker"), "The kind of connection.", "api"),
          req("url", text(), "Where it is; the scheme says the protocol (https:, jdbc:, file:, sftp:, amqp:, mqtt:, nats:).", "https://api.shopfront.example/v2"),
          opt("format", words("json", "ndjson", "csv", "xml"), "The transport language (datastores speak SQL rows).", "json"),
          req("auth", AUTH, "How Weft authenticates.", "{ method: none }"),
          opt("rate_limit", text(RATE, "N/s or N/m"), "At most this many requests per second or minute.", "5/s"),
          opt("options", new MapOf(new Any("any value"), "option names", 0), "Connection-kind specific extras, e.g. a CSV `delimiter`.", "{ delimiter: \";\" }")));

  public static final Obj CONFIG_OPTION =
      new Obj("config option", "One option a customer sets (the config wizard).", List.of(
          req("key", text("^[A-Za-z_][A-Za-z0-9_]*$", "a name of letters, digits and '_'"), "The name used in `${config.KEY}` and `$config.KEY`.", "shopfront_key"),
          opt("label", text(), "What the wizard shows.", "Shopfront API key"),
          opt("type", words("string", "secret", "number", "boolean", "url", "email", "list", "choice"), "The kind of value (default string); secrets are stored encrypted.", "secret"),
          opt("required", new Bool(), "Must the customer set it (default false).", "true"),
          opt("default", new Any("a value of the option's type"), "Used when the customer sets nothing.", "[paid, shipped]"),
          opt("options", listOf(text(), 1), "list and choice: the words to choose from.", "[paid, shipped, refunded]"),
          opt("help", text(), "A longer explanation.", "Find it under Settings > API.")));

  public static final Obj CUSTOMER_EXPERIENCE =
      new Obj("customer experience", "How customers set the integration up.", List.of(
          opt("complexity", text(), "How complex the setup is for a customer.", "Low. One API key and a status list."),
          opt("deployment", text(), "How it is deployed to customers.", "Customers self-serve.")));

  public static final Obj CRON =
      new Obj("cron schedule", "A 5-field Unix cron (minute hour day-of-month month day-of-week).", List.of(
          req("cron", text(), "The expression.", "\"*/15 * * * *\""),
          opt("zone", text(), "The time zone it is read in (default UTC).", "Europe/Berlin")));

  public static final Obj VERIFY =
      new Obj("webhook verification", "How a webhook's signature is checked: `hmac` or `scheme`.", List.of(
          opt("hmac", words("sha256", "sha1"), "Generic HMAC over the body with this hash.", "sha256"),
          opt("scheme", words("github", "stripe"), "A provider's signature scheme.", "github"),
          opt("header", text(), "hmac: the header holding the signature.", "X-Shopfront-Signature"),
          req("secret", text(), "The signing secret (use a placeholder).", "\"${secret.webhook_secret}\""),
          opt("encoding", words("hex", "base64"), "hmac: how the signature is written (default: either).", "hex"),
          opt("tolerance", DURATION_TEXT, "stripe: how old a signed timestamp may be.", "5m")));

  public static final Obj WEBHOOK =
      new Obj("webhook trigger", "Runs the flow when a webhook arrives at /hooks/{instance}/{path}.", List.of(
          req("path", text("^[A-Za-z0-9][A-Za-z0-9_./-]*$", "a path of letters, digits, '-', '_', '.' and '/'"), "The last part of the webhook URL.", "orders"),
          opt("verify", VERIFY, "Signature verification.", "{ hmac: sha256, header: X-Signature, secret: \"${secret.hook}\" }"),
          opt("records", text(), "Where the records are in the payload (absent: the payload is one record or an array).", "orders")));

  public static final Obj EVENT =
      new Obj("event trigger", "Runs the flow for each message on a broker.", List.of(
          req("system", text(), "The broker system.", "bus"),
          req("topic", text(), "The queue, MQTT topic or NATS subject.", "orders.created")));

  public static final Obj TRIGGER =
      new Obj("trigger", "What starts the flow; any of these. Without a trigger the flow runs on demand.", List.of(
          opt("schedule", new AnyOf(List.of(text(EVERY, "every N minutes|hours|days"), CRON)), "A schedule: `every 15 minutes`, `every 2h`, or `{ cron: \"*/15 * * * *\", zone: Europe/Berlin }`.", "every 15 minutes"),
          opt("webhook", WEBHOOK, "A webhook.", "{ path: orders }"),
          opt("manual", new Bool(), "Can be started by hand.", "true"),
          opt("event", EVENT, "A message on a broker.", "{ system: bus, topic: orders.created }")));

  public static final Obj PAGINATE =
      new Obj("pagination", "How an API source pages.", List.of(
          req("style", words("none", "page", "offset", "cursor", "link"), "The pagination style.", "cursor"),
          opt("param", text(), "The query parameter carrying the page, offset or cursor.", "page_info"),
          opt("size_param", text(), "page, offset: the query parameter of the page size.", "limit"),
          opt("size", integer(1), "page, offset: the page size.", "100"),
          opt("start", integer(0), "page: the first page number (default 1).", "1"),
          opt("next", text(), "cursor: where the next cursor is in the body.", "next_page_info")));

  public static final Obj INCREMENTAL =
      new Obj("incremental read", "Sends the last seen value of `field` as `param`.", List.of(
          req("field", text(), "The record field that grows (updated-at, id).", "updated_at"),
          opt("param", text(), "The query parameter (or SQL bind name) that carries it.", "updated_at_min")));

  public static final Obj SOURCE =
      new Obj("source", "Where a one-way flow reads. Keys depend on the system's connection kind.", List.of(
          req("system", text(), "The system read from (an id under `systems`).", "shopfront"),
          opt("endpoint", text(), "api: `METHOD /path`, may carry a query string.", "GET /orders?status=any"),
          opt("table", text(), "datastore: the table read.", "orders"),
          opt("query", text(), "datastore: a SQL query read instead of a table.", "select * from orders where paid"),
          opt("files", text(), "filesystem: a glob of the files read.", "\"orders-*.csv\""),
          opt("topic", text(), "broker: the queue, topic or subject read.", "orders.created"),
          opt("records", text(), "Where the repeated records are in each page, payload or document.", "orders"),
          opt("paginate", PAGINATE, "api: pagination.", "{ style: cursor, next: next_page_info, param: page_info }"),
          opt("incremental", INCREMENTAL, "api, datastore: read only what changed since the last run.", "{ field: updated_at, param: updated_at_min }"),
          opt("filter", text(), "A JSONata expression; records for which it is not true are left out.", "status in $config.statuses"),
          opt("after", words("keep", "archive", "delete"), "filesystem: what happens to a file once its records are committed (default keep).", "archive")));

  public static final Obj MAP_ROW =
      new Obj("map row", "One row of the data-mapping table: from, to, and at most one operation.", List.of(
          opt("from", textOrList(), "A source path, or a list of paths (absent for `value`).", "customer.first_name"),
          req("to", textOrList(), "A target path, or a list of paths (for split).", "customer_name"),
          opt("do", words("concat", "split", "convert", "date"), "The operation.", "concat"),
          opt("with", text(), "concat: the text put between the parts.", "\" \""),
          opt("on", text(), "split: the separator.", "\", \""),
          opt("limit", integer(1), "split: at most this many parts.", "2"),
          opt("unit", text(UNITS, "FROM -> TO"), "convert: the units, `FROM -> TO`.", "lb -> kg"),
          opt("parse", text(), "date: the input pattern (default ISO-8601 and common forms).", "dd.MM.yyyy"),
          opt("format", text(), "date: the output pattern (default ISO-8601).", "yyyy-MM-dd"),
          opt("zone", text(), "date: the time zone.", "Europe/Berlin"),
          opt("lookup", new MapOf(new Any("any value"), "input values", 0), "A table from input values to output values.", "{ paid: P, shipped: S }"),
          opt("expr", text(), "A JSONata expression: `$` is the from value, `$$` the record.", "\"$ / 100\""),
          opt("value", new Any("any value"), "A constant (no `from`).", "shopfront"),
          opt("default", new Any("any value"), "Used when the result is null (also a lookup miss).", "EUR"),
          opt("required", new Bool(), "A null result makes the record invalid.", "true"),
          opt("round", integer(0), "Decimals to round a number to.", "3")));

  public static final Obj TARGET =
      new Obj("target", "Where a one-way flow writes. Keys depend on the system's connection kind.", List.of(
          req("system", text(), "The system written to (an id under `systems`).", "ledger"),
          opt("table", text(), "datastore: the table written.", "orders"),
          opt("write", words("insert", "upsert", "update"), "datastore: insert (default, at-least-once), upsert or update by `key` (exactly-once in effect).", "upsert"),
          opt("key", textOrList(), "The field, or fields, that identify a record.", "external_id"),
          opt("endpoint", text(), "api: `METHOD /path`, may hold {{field}} templates.", "\"PUT /contacts/{{external_id}}\""),
          opt("batch", integer(1), "api: send arrays of this many records.", "100"),
          opt("file", text(), "filesystem: the file name template.", "\"orders-{{run.date}}.csv\""),
          opt("topic", text(), "broker: the queue, topic or subject.", "orders.synced")));

  public static final Obj SYNC_SIDE =
      new Obj("sync side", "One side of a two-way sync (an api or a datastore).", List.of(
          req("system", text(), "The system (an id under `systems`).", "crm"),
          opt("endpoint", text(), "api: the collection path; REST conventions apply.", "/contacts"),
          opt("table", text(), "datastore: the table.", "customers"),
          req("id", text(), "The field that identifies a record on this side.", "id"),
          opt("updated", text(), "The updated-at field (absent: full scan with hashes).", "updated_at"),
          opt("records", text(), "api: where the records are in each page.", "data"),
          opt("create", text(), "api: overrides the create endpoint.", "POST /contacts"),
          opt("update", text(), "api: overrides the update endpoint.", "\"PATCH /contacts/{{id}}\""),
          opt("delete", text(), "api: overrides the delete endpoint.", "\"DELETE /contacts/{{id}}\"")));

  public static final Obj SYNC =
      new Obj("sync", "A two-way sync between side a and side b.", List.of(
          req("a", SYNC_SIDE, "Side a.", "{ system: crm, endpoint: /contacts, id: id, updated: updatedAt }"),
          req("b", SYNC_SIDE, "Side b.", "{ system: helpdesk, table: customers, id: customer_id }"),
          opt("match", new ListOf(text(), 2, Optional.of(2)), "The field on side a and on side b that pair records on the first run.", "[email, email]"),
          req("a_to_b", listOf(MAP_ROW, 1), "Map rows from a to b.", "[{ from: email, to: email }]"),
          req("b_to_a", listOf(MAP_ROW, 1), "Map rows from b to a.", "[{ from: email, to: email }]"),
          opt("conflict", words("newest", "prefer-a", "prefer-b"), "Who wins when both sides changed (default newest).", "newest"),
          opt("deletes", words("ignore", "propagate"), "Whether deletes are carried over (default ignore).", "ignore")));

  public static final Obj VOLUME =
      new Obj("volume", "How much data a run moves.", List.of(
          opt("per_run", integer(0), "The expected records per run (shown in the document).", "2000"),
          opt("max", integer(0), "A safety cap: a run that would move more stops before it writes.", "50000")));

  public static final Obj RETRY =
      new Obj("retry", "Retries of transient failures, with exponential backoff.", List.of(
          opt("attempts", integer(1), "Attempts in all, the first included (default 3).", "5"),
          opt("backoff", DURATION_TEXT, "The first wait (default 1s).", "1s"),
          opt("max_backoff", DURATION_TEXT, "The longest wait (default 1m).", "2m")));

  public static final Obj NOTIFY =
      new Obj("notification", "Who is told about failures.", List.of(
          opt("webhook", text(), "A URL that receives a JSON message.", "\"${config.alert_url}\"")));

  public static final Obj ERRORS =
      new Obj("error handling", "What happens on errors.", List.of(
          opt("retry", RETRY, "Retries of transient failures.", "{ attempts: 5, backoff: 1s, max_backoff: 2m }"),
          opt("invalid_records", words("dead-letter", "skip", "fail"), "What happens to a record that cannot be mapped or written (default dead-letter).", "dead-letter"),
          opt("notify", NOTIFY, "Notification of failures.", "{ webhook: \"${config.alert_url}\" }"),
          opt("message", text(), "The user-facing message, a template with {{field}} and {{error}}.", "\"Order {{external_id}} failed: {{error}}\"")));

  public static final Obj FLOW =
      new Obj("flow", "One integration flow: `source`, `map` and `target`, or `sync`.", List.of(
          req("id", SLUG_TEXT, "A slug, unique in the spec.", "orders"),
          opt("name", text(), "The name people use.", "Orders to the ledger"),
          opt("trigger", TRIGGER, "What starts it (absent: on demand only).", "{ schedule: every 15 minutes, manual: true }"),
          opt("source", SOURCE, "Where it reads (one-way flows).", "{ system: shopfront, endpoint: GET /orders }"),
          opt("map", listOf(MAP_ROW, 1), "The data-mapping table (one-way flows).", "[{ from: id, to: external_id }]"),
          opt("target", TARGET, "Where it writes (one-way flows).", "{ system: ledger, table: orders, write: upsert, key: external_id }"),
          opt("sync", SYNC, "A two-way sync instead of source, map and target.", "{ a: ..., b: ..., a_to_b: [...], b_to_a: [...] }"),
          opt("volume", VOLUME, "Data volume.", "{ per_run: 2000, max: 50000 }"),
          opt("errors", ERRORS, "Error handling.", "{ invalid_records: dead-letter }")));

  public static final Obj TEST =
      new Obj("test", "An example record run by `weft test`.", List.of(
          req("name", text(), "What it shows; unique.", "pounds become kilograms"),
          req("flow", text(), "The one-way flow it runs.", "orders"),
          req("input", new MapOf(new Any("any value"), "field names", 0), "The source record.", "{ id: 7, weight_lb: 10 }"),
          req("expect", new MapOf(new Any("any value"), "field names", 0), "Fields that must come out (others are not compared).", "{ external_id: 7, weight_kg: 4.536 }")));

  public static final Obj SPEC =
      new Obj("spec", "An integration specification, version 1.", List.of(
          req("weft", integer(1), "The format version: 1.", "1"),
          req("id", SLUG_TEXT, "A slug, unique in a workspace.", "shop-orders-to-ledger"),
          req("name", text(), "What the integration is called.", "Shopfront orders to Ledger"),
          opt("summary", text(), "Functional summary: what it enables.", "Every new or changed Shopfront order lands in the Ledger."),
          opt("needed_by", DATE_TEXT, "Needed completion date.", "2027-02-01"),
          opt("roadmap", text(), "The OKR or roadmap item.", "\"OKR 2027-Q1: self-serve ecommerce\""),
          opt("revisions", listOf(REVISION), "Revision and approval log.", "[{ date: 2026-11-20, action: Drafted, by: Integration team }]"),
          opt("prerequisites", PREREQUISITES, "Prerequisites.", "{ sandboxes: [...] }"),
          opt("user_stories", USER_STORIES, "User stories.", "{ primary: As a clerk I want ... }"),
          opt("screens_fields", text(), "Screens and fields that change.", "Ledger > Orders gains the column \"Weight (kg)\"."),
          opt("data_flow", text(), "Words shown above the generated data-flow diagram.", "Orders flow from the shop to the ledger."),
          req("systems", new MapOf(SYSTEM, "system ids", 1), "The connections, by id (at least one).", "{ ledger: { connection: datastore, ... } }"),
          opt("config", listOf(CONFIG_OPTION), "What each customer sets.", "[{ key: shopfront_key, type: secret, required: true }]"),
          opt("plans", new MapOf(listOf(SLUG_TEXT), "plan names", 0), "Feature gating: the flows each plan gets.", "{ starter: [orders], pro: [orders, contacts] }"),
          opt("customer_experience", CUSTOMER_EXPERIENCE, "Customer experience.", "{ complexity: Low }"),
          req("flows", listOf(FLOW, 1), "The flows (at least one).", "[{ id: orders, ... }]"),
          opt("tests", listOf(TEST), "Example records run by `weft test`.", "[{ name: ..., flow: orders, input: {...}, expect: {...} }]")));

  /** Every declared mapping, in the order the reference lists them. */
  public static final List<Obj> ALL =
      List.of(SPEC, REVISION, PREREQUISITES, SYSTEM_CHANGE, SANDBOX, WALKTHROUGH, SME, USER_STORIES,
          SYSTEM, AUTH, CONFIG_OPTION, CUSTOMER_EXPERIENCE, FLOW, TRIGGER, CRON, WEBHOOK, VERIFY, EVENT,
          SOURCE, PAGINATE, INCREMENTAL, MAP_ROW, TARGET, SYNC, SYNC_SIDE, VOLUME, ERRORS, RETRY, NOTIFY, TEST);
}
