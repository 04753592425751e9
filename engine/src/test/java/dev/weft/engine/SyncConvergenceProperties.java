package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.RecordSet.Change;
import dev.weft.store.IdPair;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import dev.weft.testkit.InMemoryRecordSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random edits on both sides of a contacts sync between runs (creates, field edits, email edits
 * that collide with other records, deletes), under every conflict and delete policy. After each
 * run the sides agree under the mappings, every change a run wrote answers an edit made since the
 * previous run (never an echo of Weft's own writes) and sets only fields that edit touched (the
 * name mapping is lossy: a first name "Mary Ann" comes back split as "Mary" / "Ann Smith", which
 * must not be written back when only the phone changed), and a run after no edits writes nothing.
 */
class SyncConvergenceProperties {
  private static final Store STORE = Store.open("jdbc:h2:mem:sync-properties;DB_CLOSE_DELAY=-1");
  private static final List<String> FIRST = List.of("Ada", "Alan", "Mary Ann", "Grace", "Edsger", "Jean Paul", "Barbara");
  private static final List<String> LAST = List.of("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov");
  private static final List<String> EMAILS = List.of("x1@example.com", "x2@example.com", "X2@Example.com", "x3@example.com",
      "x4@example.com", "x5@example.com", "x6@example.com");

  enum Kind { CREATE, PHONE, NAME, EMAIL, DELETE }

  record Edit(boolean onA, Kind kind, int pick, int value) {}

  @AfterContainer
  static void closeStore() {
    STORE.close();
  }

  @Property(tries = 60)
  void sides_converge_and_no_run_writes_an_echo(
      @ForAll("conflicts") String conflict, @ForAll("deletes") String deletes, @ForAll("rounds") List<List<Edit>> rounds)
      throws Exception {
    try (SyncFixture f = new SyncFixture(STORE, conflict, deletes)) {
      int[] created = {0};
      for (List<Edit> round : rounds) {
        Set<String> touchedA = new HashSet<>();
        Set<String> touchedB = new HashSet<>();
        Map<String, Set<Kind>> kinds = new HashMap<>();
        Map<String, IdPair> pairsBeforeByB = f.store.idMap().byB(f.instance, "contacts", f.desk.records().keySet());
        for (Edit e : round) apply(f, e, created, e.onA() ? touchedA : touchedB, kinds);

        RunResult run = f.run();

        assertThat(run.status()).as("run failed: %s", run.failure()).isEqualTo(RunStatus.SUCCEEDED);
        onlyAnswersEdits(f, f.desk, f.crm, touchedA, touchedB, pairsBeforeByB, false);
        onlyAnswersEdits(f, f.crm, f.desk, touchedB, touchedA, Map.of(), true);
        updatesSetOnlyEditedFields(f, f.desk, false, kinds);
        updatesSetOnlyEditedFields(f, f.crm, true, kinds);
        converged(f, deletes.equals("propagate"));
      }
      RunResult quiet = f.run();
      assertThat(quiet.sync().orElseThrow().written()).isZero();
      assertThat(f.crm.applied()).isEmpty();
      assertThat(f.desk.applied()).isEmpty();
    }
  }

  private static void apply(SyncFixture f, Edit e, int[] created, Set<String> touched, Map<String, Set<Kind>> kinds) {
    InMemoryRecordSet set = e.onA() ? f.crm : f.desk;
    List<String> ids = new ArrayList<>(set.records().keySet());
    String first = FIRST.get(e.value() % FIRST.size());
    String last = LAST.get(e.value() % LAST.size());
    if (e.kind() == Kind.CREATE || ids.isEmpty()) {
      String id = (e.onA() ? "outside-c" : "outside-d") + created[0]++;
      String email = EMAILS.get(e.value() % EMAILS.size());
      String phone = "" + e.pick() % 7;
      set.put(id, e.onA() ? SyncFixture.person(first, last, email, phone) : SyncFixture.customer(first + " " + last, email, phone));
      touched.add(id);
      kinds.computeIfAbsent(id, k -> EnumSet.noneOf(Kind.class)).add(Kind.CREATE);
      return;
    }
    String id = ids.get(e.pick() % ids.size());
    touched.add(id);
    kinds.computeIfAbsent(id, k -> EnumSet.noneOf(Kind.class)).add(e.kind());
    switch (e.kind()) {
      case PHONE -> set.put(id, Map.of("phone", "" + e.value() % 7));
      case NAME -> set.put(id, e.onA() ? Map.of("firstName", first) : Map.of("full_name", first + " " + last));
      case EMAIL -> set.put(id, Map.of("email", EMAILS.get(e.value() % EMAILS.size())));
      case DELETE -> {
        // emptying one side while the other has records stops a propagating run on purpose (SyncRunnerTest)
        if (ids.size() > 1 || f.spec.flows().get(0).body() instanceof dev.weft.model.Sync s && s.deletes() == dev.weft.model.Sync.Deletes.IGNORE)
          set.remove(id);
      }
      case CREATE -> throw new IllegalStateException();
    }
  }

  /**
   * Every change written to {@code target} answers an edit since the last run: an update or delete
   * of a record whose partner (or itself, a conflict's loser) was touched, a create for each
   * touched record at most.
   */
  private static void onlyAnswersEdits(
      SyncFixture f, InMemoryRecordSet target, InMemoryRecordSet source, Set<String> touchedSource, Set<String> touchedTarget,
      Map<String, IdPair> pairsBeforeByB, boolean targetIsA) {
    long creates = 0;
    for (Change change : target.applied()) {
      switch (change) {
        case Change.Create c -> creates++;
        case Change.Update u -> {
          IdPair pair = pairOf(f, u.id(), targetIsA);
          String partner = targetIsA ? pair.bId() : pair.aId();
          assertThat(touchedSource.contains(partner) || touchedTarget.contains(u.id()))
              .as("update of %s answers no edit (echo?)", u.id()).isTrue();
        }
        case Change.Delete d -> {
          if (!targetIsA) {
            IdPair before = pairsBeforeByB.get(d.id());
            assertThat(before).as("delete of unpaired %s", d.id()).isNotNull();
            assertThat(touchedSource).as("delete of %s answers no delete", d.id()).contains(before.aId());
          } else {
            assertThat(touchedSource.isEmpty()).as("delete on a answers no delete on b").isFalse();
          }
        }
      }
    }
    assertThat(creates).as("creates on a side").isLessThanOrEqualTo(touchedSource.size() + touchedTarget.size());
  }

  /**
   * An update sets only fields of the kinds edited on either record of the pair this round (a
   * conflict's loser gets the winner's edits); records created this round may be updated in full
   * (a first pairing by email).
   */
  private static void updatesSetOnlyEditedFields(SyncFixture f, InMemoryRecordSet target, boolean targetIsA, Map<String, Set<Kind>> kinds) {
    for (Change change : target.applied()) {
      if (!(change instanceof Change.Update u)) continue;
      IdPair pair = pairOf(f, u.id(), targetIsA);
      Set<Kind> edited = EnumSet.noneOf(Kind.class);
      edited.addAll(kinds.getOrDefault(pair.aId(), Set.of()));
      edited.addAll(kinds.getOrDefault(pair.bId(), Set.of()));
      if (edited.contains(Kind.CREATE) || edited.contains(Kind.DELETE)) continue;
      for (String field : u.fields().keySet()) {
        Kind kind = switch (field) {
          case "phone" -> Kind.PHONE;
          case "email" -> Kind.EMAIL;
          default -> Kind.NAME;
        };
        assertThat(edited).as("update of %s sets %s although only %s were edited: %s", u.id(), field, edited, u.fields())
            .contains(kind);
      }
    }
  }

  private static IdPair pairOf(SyncFixture f, String id, boolean onA) {
    Map<String, IdPair> found = onA ? f.store.idMap().byA(f.instance, "contacts", List.of(id))
        : f.store.idMap().byB(f.instance, "contacts", List.of(id));
    assertThat(found).as("pair of %s", id).containsKey(id);
    return found.get(id);
  }

  /** Every record is paired; paired records that both exist hold the same values under the mappings. */
  private static void converged(SyncFixture f, boolean deletesPropagate) {
    Map<String, Map<String, Object>> crm = f.crm.records();
    Map<String, Map<String, Object>> desk = f.desk.records();
    Map<String, IdPair> byA = f.store.idMap().byA(f.instance, "contacts", crm.keySet());
    Map<String, IdPair> byB = f.store.idMap().byB(f.instance, "contacts", desk.keySet());
    assertThat(byA.keySet()).as("every crm record is paired").containsExactlyInAnyOrderElementsOf(crm.keySet());
    assertThat(byB.keySet()).as("every desk record is paired").containsExactlyInAnyOrderElementsOf(desk.keySet());
    if (deletesPropagate) {
      assertThat(crm).hasSameSizeAs(desk);
      assertThat(f.store.idMap().count(f.instance, "contacts")).isEqualTo(crm.size());
    }
    for (IdPair pair : byA.values()) {
      Map<String, Object> a = crm.get(pair.aId());
      Map<String, Object> b = desk.get(pair.bId());
      if (b == null) {
        assertThat(deletesPropagate).as("crm %s lost its partner %s", pair.aId(), pair.bId()).isFalse();
        continue;
      }
      assertThat(b.get("full_name")).as("name of %s / %s", pair.aId(), pair.bId()).isEqualTo(a.get("firstName") + " " + a.get("lastName"));
      assertThat(b.get("email")).isEqualTo(a.get("email"));
      assertThat(b.get("phone")).isEqualTo(a.get("phone"));
    }
  }

  @Provide
  Arbitrary<String> conflicts() {
    return Arbitraries.of("newest", "prefer-a", "prefer-b");
  }

  @Provide
  Arbitrary<String> deletes() {
    return Arbitraries.of("ignore", "propagate");
  }

  @Provide
  Arbitrary<List<List<Edit>>> rounds() {
    Arbitrary<Edit> edit = Combinators.combine(
        Arbitraries.of(true, false), Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 50))
        .as(Edit::new);
    return edit.list().ofMinSize(0).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(6);
  }
}
