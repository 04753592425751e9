package dev.weft.engine;

import dev.weft.engine.plan.Plan;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import dev.weft.store.Store;
import dev.weft.testkit.InMemoryConnector;
import dev.weft.testkit.InMemoryRecordSet;
import java.time.Instant;
import dev.weft.model.SystemDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A contacts sync between an in-memory "crm" (side a: id, updatedAt, firstName/lastName) and an
 * in-memory "desk" (side b: customer_id, modified_at, full_name), matched by email, on an H2 store.
 */
final class SyncFixture implements AutoCloseable {
  final Store store;
  final String instance;
  private final boolean ownStore;
  final Supplier<Instant> clock = InMemoryRecordSet.tickingClock();
  final InMemoryRecordSet crm;
  final InMemoryRecordSet desk;
  final Spec spec;

  SyncFixture(String conflict, String deletes) {
    this(conflict, deletes, true, true, "");
  }

  /** On a store shared by many fixtures, each under its own instance id. */
  SyncFixture(Store shared, String conflict, String deletes) {
    this(Optional.of(shared), conflict, deletes, true, true, "");
  }

  /** {@code extra} is added to the flow (e.g. a volume). */
  SyncFixture(String conflict, String deletes, boolean crmUpdated, boolean deskUpdated, String extra) {
    this(Optional.empty(), conflict, deletes, crmUpdated, deskUpdated, extra);
  }

  private SyncFixture(Optional<Store> shared, String conflict, String deletes, boolean crmUpdated, boolean deskUpdated, String extra) {
    ownStore = shared.isEmpty();
    store = shared.orElseGet(() -> Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    instance = ownStore ? RunRequest.DEFAULT_INSTANCE : UUID.randomUUID().toString();
    crm = new InMemoryRecordSet("id", crmUpdated ? Optional.of("updatedAt") : Optional.empty(), clock, "c");
    desk = new InMemoryRecordSet("customer_id", deskUpdated ? Optional.of("modified_at") : Optional.empty(), clock, "d");
    spec = spec(conflict, deletes, crmUpdated, deskUpdated, extra);
  }

  static Spec spec(String conflict, String deletes, boolean crmUpdated, boolean deskUpdated, String extra) {
    String yaml = """
        weft: 1
        id: contacts-sync-test
        name: Contacts both ways
        systems:
          crm: { connection: api, url: "http://crm.test", auth: { method: none } }
          desk: { connection: datastore, url: "jdbc:h2:mem:desk", auth: { method: none } }
        flows:
          - id: contacts
            sync:
              a: { system: crm, endpoint: /contacts, id: id%s }
              b: { system: desk, table: customers, id: customer_id%s }
              match: [email, email]
              a_to_b:
                - { from: email, to: email }
                - { from: [firstName, lastName], to: full_name, do: concat, with: " " }
                - { from: phone, to: phone }
              b_to_a:
                - { from: email, to: email }
                - { from: full_name, to: [firstName, lastName], do: split, on: " ", limit: 2 }
                - { from: phone, to: phone }
              conflict: %s
              deletes: %s
            errors: { retry: { attempts: 2, backoff: 1ms, max_backoff: 2ms } }
        %s""".formatted(crmUpdated ? ", updated: updatedAt" : "", deskUpdated ? ", updated: modified_at" : "", conflict, deletes,
        extra.indent(4));
    LoadResult loaded = SpecLoader.load("contacts-sync-test.yaml", yaml);
    if (!loaded.ok()) throw new IllegalArgumentException("test spec does not load: " + loaded.problems());
    return inMemory(loaded.spec().orElseThrow());
  }

  /** The spec with each system's URL replaced by {@code mem:ID}, served by the in-memory connector. */
  static Spec inMemory(Spec spec) {
    Map<String, SystemDef> systems = new LinkedHashMap<>();
    spec.systems().forEach((id, s) -> systems.put(id, new SystemDef(s.id(), s.name(), s.ours(), s.connection(), "mem:" + id, s.format(),
        s.auth(), s.rateLimit(), s.options())));
    return new Spec(spec.weft(), spec.id(), spec.name(), spec.summary(), spec.neededBy(), spec.roadmap(), spec.revisions(),
        spec.prerequisites(), spec.userStories(), spec.screensFields(), spec.dataFlow(), systems, spec.config(), spec.plans(),
        spec.customerExperience(), spec.flows(), spec.tests());
  }

  Connectors connectors() {
    return Connectors.of(new InMemoryConnector().recordSet("crm", crm).recordSet("desk", desk));
  }

  RunResult run() throws RunStartException {
    crm.clearApplied();
    desk.clearApplied();
    return new FlowRunner(store, connectors()).run(RunRequest.of(spec, "contacts").withInstance(instance), ProgressListener.none());
  }

  Plan plan() throws Exception {
    return new SyncRunner(store, connectors()).plan(RunRequest.of(spec, "contacts").withInstance(instance));
  }

  static Map<String, Object> person(String first, String last, String email, String phone) {
    return Map.of("firstName", first, "lastName", last, "email", email, "phone", phone);
  }

  static Map<String, Object> customer(String fullName, String email, String phone) {
    return Map.of("full_name", fullName, "email", email, "phone", phone);
  }

  @Override
  public void close() {
    if (ownStore) store.close();
  }
}
