package dev.weft.engine;

import static dev.weft.engine.SyncFixture.customer;
import static dev.weft.engine.SyncFixture.person;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.RecordSet.Change;
import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlannedChange;
import dev.weft.store.DeadLetter;
import dev.weft.store.RunStatus;
import dev.weft.store.SyncConflict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncRunnerTest {
  private SyncFixture f = new SyncFixture("newest", "ignore");

  @AfterEach
  void close() {
    f.close();
  }

  private void seed() {
    f.crm.put("c1", person("Ada", "Lovelace", "ada@example.com", "100"));
    f.crm.put("c2", person("Alan", "Turing", "alan@example.com", "200"));
    f.desk.put("d1", customer("Ada Lovelace", "  ADA@example.com ", "100"));
    f.desk.put("d2", customer("Grace Hopper", "grace@example.com", "300"));
  }

  @Test
  void first_run_pairs_by_the_normalised_match_field_and_creates_the_rest_on_the_other_side() throws Exception {
    seed();
    RunResult first = f.run();

    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    SyncSummary s = first.sync().orElseThrow();
    assertThat(s.a().read()).isEqualTo(2);
    assertThat(s.b().read()).isEqualTo(2);
    assertThat(s.b().created()).isEqualTo(1);
    assertThat(s.a().created()).isEqualTo(1);
    // Ada is paired although her emails differ in case and spaces; on a first pairing the conflict
    // policy (newest: the desk's record) says whose values both sides keep
    assertThat(s.a().updated()).isEqualTo(1);
    assertThat(s.b().updated()).isZero();
    assertThat(f.crm.records().get("c1")).containsEntry("email", "  ADA@example.com ");
    // and that first pairing is logged as a conflict, with both versions, and counted
    assertThat(s.conflicts()).isEqualTo(1);
    assertThat(f.store.syncHistory().conflictsOf(first.runId())).singleElement().satisfies(c -> {
      assertThat(c.aId()).isEqualTo("c1");
      assertThat(c.bId()).isEqualTo("d1");
      assertThat(c.winner()).isEqualTo("b");
      assertThat(c.aVersion().orElseThrow()).containsEntry("email", "ada@example.com");
      assertThat(c.bVersion().orElseThrow()).containsEntry("email", "  ADA@example.com ");
      assertThat(c.outcome()).startsWith("first pairing by the match rule").contains("b's version is kept");
    });
    assertThat(f.desk.records()).hasSize(3);
    assertThat(f.crm.records()).hasSize(3);
    assertThat(f.desk.records().values()).anySatisfy(r -> {
      assertThat(r).containsEntry("full_name", "Alan Turing").containsEntry("email", "alan@example.com").containsEntry("phone", "200");
    });
    assertThat(f.crm.records().values()).anySatisfy(r -> {
      assertThat(r).containsEntry("firstName", "Grace").containsEntry("lastName", "Hopper").containsEntry("phone", "300");
    });
    assertThat(f.store.idMap().count("default", "contacts")).isEqualTo(3);
    assertThat(f.store.idMap().byA("default", "contacts", List.of("c1")).get("c1").bId()).isEqualTo("d1");
    assertThat(f.store.syncHistory().sides(first.runId()).orElseThrow()).extracting(c -> c.created()).containsExactly(1L, 1L);

    RunResult second = f.run();
    assertThat(second.sync().orElseThrow().written()).isZero();
    assertThat(f.crm.applied()).isEmpty();
    assertThat(f.desk.applied()).isEmpty();
  }

  @Test
  void an_edit_on_either_side_is_sent_as_the_changed_fields_only_and_its_echo_is_not_sent_back() throws Exception {
    seed();
    f.run();
    f.crm.put("c1", Map.of("phone", "101"));
    f.desk.put("d2", Map.of("full_name", "Grace B. Hopper"));

    RunResult result = f.run();

    assertThat(f.desk.applied()).containsExactly(new Change.Update("d1", Map.of("phone", "101")));
    String graceInCrm = f.store.idMap().byB("default", "contacts", List.of("d2")).get("d2").aId();
    assertThat(f.crm.applied()).containsExactly(new Change.Update(graceInCrm, Map.of("lastName", "B. Hopper")));
    assertThat(result.sync().orElseThrow().b().updated()).isEqualTo(1);
    assertThat(result.sync().orElseThrow().a().updated()).isEqualTo(1);
    assertThat(f.desk.records().get("d1")).containsEntry("phone", "101");

    RunResult echo = f.run();
    assertThat(echo.sync().orElseThrow().written()).isZero();
    assertThat(echo.sync().orElseThrow().a().read()).isPositive(); // our own writes were read back ...
    assertThat(f.crm.applied()).isEmpty(); // ... and recognised as echoes
    assertThat(f.desk.applied()).isEmpty();
  }

  @Test
  void a_field_the_mapping_does_not_read_changes_nothing_on_the_other_side() throws Exception {
    seed();
    f.run();
    f.crm.put("c1", Map.of("notes", "met at a conference"));
    RunResult result = f.run();
    assertThat(result.sync().orElseThrow().written()).isZero();
    assertThat(result.sync().orElseThrow().a().unchanged()).isEqualTo(result.sync().orElseThrow().a().read()).isPositive();
  }

  @ParameterizedTest
  @CsvSource({
      "newest,   b, 102",   // b was edited last
      "prefer-a, a, 101",
      "prefer-b, b, 102"})
  void the_same_record_edited_on_both_sides_is_settled_by_the_policy_and_recorded(String policy, String winner, String phone)
      throws Exception {
    f.close();
    f = new SyncFixture(policy, "ignore");
    seed();
    f.run();
    f.crm.put("c1", Map.of("phone", "101"));
    f.desk.put("d1", Map.of("phone", "102"));

    RunResult result = f.run();

    assertThat(f.crm.records().get("c1")).containsEntry("phone", phone);
    assertThat(f.desk.records().get("d1")).containsEntry("phone", phone);
    SyncSummary s = result.sync().orElseThrow();
    assertThat(s.conflicts()).isEqualTo(1);
    assertThat(s.conflictNotes()).singleElement().asString().startsWith("a c1 / b d1: " + policy);
    List<SyncConflict> conflicts = f.store.syncHistory().conflictsOf(result.runId());
    assertThat(conflicts).singleElement().satisfies(c -> {
      assertThat(c.winner()).isEqualTo(winner);
      assertThat(c.aVersion().orElseThrow()).containsEntry("phone", "101");
      assertThat(c.bVersion().orElseThrow()).containsEntry("phone", "102");
      assertThat(c.outcome()).contains(winner + "'s version is kept");
    });
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void a_lossy_mapping_does_not_rewrite_names_when_the_other_side_changed_only_its_phone() throws Exception {
    f.crm.put("c1", person("Mary Ann", "Smith", "mary@example.com", "100"));
    f.run();
    String d = f.store.idMap().byA("default", "contacts", List.of("c1")).get("c1").bId();
    assertThat(f.desk.records().get(d)).containsEntry("full_name", "Mary Ann Smith");
    f.desk.put(d, Map.of("phone", "101"));

    RunResult result = f.run();

    // b_to_a would split "Mary Ann Smith" into Mary / Ann Smith; only the phone changed on b, so only the phone is sent
    assertThat(f.crm.applied()).containsExactly(new Change.Update("c1", Map.of("phone", "101")));
    assertThat(f.crm.records().get("c1")).containsEntry("firstName", "Mary Ann").containsEntry("lastName", "Smith");
    assertThat(result.sync().orElseThrow().conflicts()).isZero();
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void edits_of_different_fields_on_both_sides_are_merged_without_a_conflict() throws Exception {
    f.crm.put("c1", person("Mary Ann", "Smith", "mary@example.com", "100"));
    f.run();
    String d = f.store.idMap().byA("default", "contacts", List.of("c1")).get("c1").bId();
    f.crm.put("c1", Map.of("lastName", "Jones"));
    f.desk.put(d, Map.of("phone", "101", "email", "mary.jones@example.com"));

    RunResult result = f.run();

    assertThat(result.sync().orElseThrow().conflicts()).isZero();
    assertThat(f.store.syncHistory().conflictsOf(result.runId())).isEmpty();
    assertThat(f.desk.applied()).containsExactly(new Change.Update(d, Map.of("full_name", "Mary Ann Jones")));
    assertThat(f.crm.applied()).containsExactly(new Change.Update("c1", Map.of("phone", "101", "email", "mary.jones@example.com")));
    assertThat(f.crm.records().get("c1")).containsEntry("firstName", "Mary Ann").containsEntry("lastName", "Jones")
        .containsEntry("phone", "101").containsEntry("email", "mary.jones@example.com");
    assertThat(f.desk.records().get(d)).containsEntry("full_name", "Mary Ann Jones").containsEntry("phone", "101")
        .containsEntry("email", "mary.jones@example.com");
    RunResult after = f.run();
    assertThat(after.sync().orElseThrow().written()).as("the merged records come back as echoes").isZero();
  }

  @Test
  void edits_of_the_same_field_on_both_sides_send_only_the_winners_changes_to_the_loser() throws Exception {
    f.crm.put("c1", person("Mary Ann", "Smith", "mary@example.com", "100"));
    f.run();
    String d = f.store.idMap().byA("default", "contacts", List.of("c1")).get("c1").bId();
    f.crm.put("c1", Map.of("phone", "101"));
    f.desk.put(d, Map.of("phone", "102")); // newer: b wins

    RunResult result = f.run();

    assertThat(result.sync().orElseThrow().conflicts()).isEqualTo(1);
    assertThat(f.crm.applied()).containsExactly(new Change.Update("c1", Map.of("phone", "102")));
    assertThat(f.crm.records().get("c1")).containsEntry("firstName", "Mary Ann").containsEntry("lastName", "Smith");
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void the_same_edit_on_both_sides_is_no_conflict() throws Exception {
    seed();
    f.run();
    f.crm.put("c1", Map.of("phone", "555"));
    f.desk.put("d1", Map.of("phone", "555"));
    RunResult result = f.run();
    assertThat(result.sync().orElseThrow().conflicts()).isZero();
    assertThat(result.sync().orElseThrow().written()).isZero();
  }

  @Test
  void deletes_propagate_to_the_other_side_and_end_the_pair() throws Exception {
    f.close();
    f = new SyncFixture("newest", "propagate");
    seed();
    f.run();
    f.crm.remove("c1");

    RunResult result = f.run();

    assertThat(f.desk.applied()).containsExactly(new Change.Delete("d1"));
    assertThat(f.desk.records()).doesNotContainKey("d1");
    assertThat(result.sync().orElseThrow().b().deleted()).isEqualTo(1);
    assertThat(f.store.idMap().byA("default", "contacts", List.of("c1"))).isEmpty();
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void a_delete_on_one_side_and_an_edit_on_the_other_keeps_the_edit_under_newest() throws Exception {
    f.close();
    f = new SyncFixture("newest", "propagate");
    seed();
    f.run();
    f.desk.remove("d1");
    f.crm.put("c1", Map.of("phone", "999"));

    RunResult result = f.run();

    assertThat(result.sync().orElseThrow().conflicts()).isEqualTo(1);
    assertThat(f.desk.records().values()).anySatisfy(r -> assertThat(r).containsEntry("full_name", "Ada Lovelace").containsEntry("phone", "999"));
    assertThat(f.desk.records()).hasSize(3);
    SyncConflict c = f.store.syncHistory().conflictsOf(result.runId()).get(0);
    assertThat(c.bVersion()).isEmpty();
    assertThat(c.winner()).isEqualTo("a");
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void a_side_that_reads_empty_does_not_empty_the_other_side() throws Exception {
    f.close();
    f = new SyncFixture("newest", "propagate");
    seed();
    f.run();
    for (String id : f.crm.records().keySet()) f.crm.remove(id);

    RunResult result = f.run();

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failure().orElseThrow().userMessage()).startsWith("crm /contacts returned no records although 3 are paired");
    assertThat(f.desk.applied()).isEmpty();
    assertThat(f.desk.records()).hasSize(3);

    for (String id : f.desk.records().keySet()) f.desk.remove(id);
    RunResult bothEmpty = f.run();
    assertThat(bothEmpty.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.store.idMap().count("default", "contacts")).isZero();
  }

  @Test
  void deletes_are_ignored_when_the_flow_says_so() throws Exception {
    seed();
    f.run();
    f.crm.remove("c1");
    RunResult result = f.run();
    assertThat(result.sync().orElseThrow().written()).isZero();
    assertThat(f.desk.records()).containsKey("d1");
  }

  @Test
  void a_plan_lists_exactly_what_the_run_then_does_and_writes_nothing() throws Exception {
    seed();
    Plan plan = f.plan();

    assertThat(f.crm.applied()).isEmpty();
    assertThat(f.desk.applied()).isEmpty();
    assertThat(f.store.idMap().count("default", "contacts")).isZero();
    assertThat(plan.targets()).extracting(t -> t.target()).containsExactly("crm /contacts", "desk.customers");
    assertThat(plan.targets().get(1).creates()).isEqualTo(1);
    PlannedChange create = plan.targets().get(1).changes().get(0);
    assertThat(create.kind()).isEqualTo(PlannedChange.Kind.CREATE);
    assertThat(create.key()).isEqualTo("new, from crm /contacts c2");
    assertThat(create.fields()).contains(new PlannedChange.FieldChange("full_name", null, "Alan Turing"));

    f.run();
    f.desk.put("d1", Map.of("phone", "111"));
    Plan update = f.plan();
    assertThat(update.targets().get(0).updates()).isEqualTo(1);
    assertThat(update.targets().get(0).changes()).containsExactly(new PlannedChange(PlannedChange.Kind.UPDATE, "c1",
        List.of(new PlannedChange.FieldChange("phone", "100", "111"))));
    f.run();
    assertThat(f.crm.applied()).containsExactly(new Change.Update("c1", Map.of("phone", "111")));
  }

  @Test
  void a_run_that_dies_after_some_creates_leaves_no_duplicate_after_the_next_run() throws Exception {
    for (int i = 0; i < 1200; i++) f.crm.put("c" + i, person("P", "N" + i, "p" + i + "@example.com", "" + i));
    f.desk.failApplyAfter(700); // page 1 (500) commits and is paired; page 2 dies after 200 committed creates

    RunResult crashed = f.run();

    assertThat(crashed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.desk.records()).hasSize(700);
    assertThat(f.store.idMap().count("default", "contacts")).isEqualTo(500);

    RunResult rerun = f.run();

    assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.desk.records()).hasSize(1200);
    assertThat(f.desk.records().values().stream().map(r -> r.get("email")).distinct()).hasSize(1200);
    assertThat(rerun.sync().orElseThrow().b().created()).isEqualTo(500);
    assertThat(f.store.idMap().count("default", "contacts")).isEqualTo(1200);
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void records_that_cannot_be_mapped_or_are_refused_become_dead_letters_with_the_reason() throws Exception {
    f.crm.put("c1", person("Ada", "Lovelace", "ada@example.com", "100"));
    f.desk.refusing(r -> "bad@example.com".equals(r.get("email")), "email is blocked");
    f.crm.put("c2", person("Bad", "Actor", "bad@example.com", "1"));

    RunResult result = f.run();

    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(result.sync().orElseThrow().b().deadLettered()).isEqualTo(1);
    assertThat(result.counts().deadLettered()).isEqualTo(1);
    List<DeadLetter> letters = f.store.deadLetters().pending("default", Optional.of("contacts"), 10);
    assertThat(letters).singleElement().satisfies(l -> {
      assertThat(l.reason()).isEqualTo("desk.customers: email is blocked");
      assertThat(l.position()).isEqualTo("desk.customers (new, from crm /contacts c2)");
      assertThat(l.sourceRecord()).containsEntry("email", "bad@example.com");
    });
  }

  @Test
  void a_side_without_an_updated_field_is_read_in_full_and_compared_by_hash() throws Exception {
    f.close();
    f = new SyncFixture("prefer-a", "ignore", true, false, "");
    seed();
    f.run();
    f.desk.put("d1", Map.of("phone", "777"));
    RunResult result = f.run();
    assertThat(result.sync().orElseThrow().b().read()).isEqualTo(3);
    assertThat(f.crm.records().get("c1")).containsEntry("phone", "777");
    assertThat(f.run().sync().orElseThrow().written()).isZero();
  }

  @Test
  void a_run_that_would_write_more_than_volume_max_stops_before_writing() throws Exception {
    f.close();
    f = new SyncFixture("newest", "ignore", true, true, "volume: { max: 1 }");
    seed();
    RunResult result = f.run();
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failure().orElseThrow().userMessage()).contains("more than volume.max = 1");
    assertThat(f.crm.applied()).isEmpty();
    assertThat(f.desk.applied()).isEmpty();
  }
}
