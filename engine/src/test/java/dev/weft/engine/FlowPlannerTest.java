package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.plan.Plan;
import dev.weft.engine.plan.PlanFailed;
import dev.weft.engine.plan.PlannedChange;
import dev.weft.engine.plan.TargetPlan;
import dev.weft.model.Auth;
import dev.weft.model.ErrorPolicy.InvalidRecords;
import dev.weft.model.Spec;
import dev.weft.store.Store;
import dev.weft.testkit.InMemoryConnector;
import dev.weft.testkit.InMemorySource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowPlannerTest {
  private final Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  private final MemoryTable table = new MemoryTable();

  @AfterEach
  void close() {
    store.close();
  }

  private Spec spec(Optional<Long> max, InvalidRecords invalid) {
    return Specs.spec(Specs.errors(invalid, 2, Optional.empty()), max, Optional.empty(), new Auth.None(Auth.Scope.SYSTEM),
        "table:dst", List.of());
  }

  private Connectors connectors(int records) {
    return Connectors.of(new InMemoryConnector().source("src", new InMemorySource(Specs.records(records))), table);
  }

  private RunRequest request(Spec spec) {
    return RunRequest.of(spec, "items").withBatchSize(30).withConfig(Map.of("schema", "public"));
  }

  private TargetPlan plan(Spec spec, int records, int limit) throws Exception {
    Plan plan = new FlowPlanner(store, connectors(records)).plan(request(spec), limit);
    assertThat(plan.flow()).isEqualTo("items");
    return plan.targets().getFirst();
  }

  @Test
  void anEmptyTargetGetsACreatePerValidRecordAndNothingIsWritten() throws Exception {
    TargetPlan plan = plan(spec(Optional.empty(), InvalidRecords.DEAD_LETTER), 100, 5);

    assertThat(plan.target()).isEqualTo("dst.items");
    assertThat(List.of(plan.creates(), plan.updates(), plan.deletes(), plan.unchanged())).containsExactly(99L, 0L, 0L, 0L);
    assertThat(plan.changes()).hasSize(5);
    assertThat(plan.changesOmitted()).isEqualTo(94);
    PlannedChange first = plan.changes().getFirst();
    assertThat(first.kind()).isEqualTo(PlannedChange.Kind.CREATE);
    assertThat(first.key()).isEqualTo("1");
    assertThat(first.fields()).extracting(PlannedChange.FieldChange::field).containsExactly("id", "weight_kg");
    assertThat(first.fields().get(1).before()).isNull();
    assertThat(plan.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("ten"));

    assertThat(table.rows).isEmpty();
    assertThat(store.checkpoints().get("default", "items")).isEmpty();
  }

  @Test
  void afterARunOnlyWhatChangedOutsideIsAnUpdateAndTheRestIsUnchanged() throws Exception {
    Spec spec = spec(Optional.empty(), InvalidRecords.DEAD_LETTER);
    new FlowRunner(store, connectors(50)).run(request(spec), ProgressListener.none());
    assertThat(table.rows).hasSize(50);
    TargetPlan afterRun = plan(spec, 50, 10);
    assertThat(List.of(afterRun.creates(), afterRun.updates(), afterRun.unchanged())).containsExactly(0L, 0L, 0L); // read to the end

    store.checkpoints().reset("default", "items"); // read everything again, as a full-refresh source would
    table.rows.get("7").put("weight_kg", new BigDecimal("99.000"));
    table.rows.get("8").put("weight_kg", "3.6287"); // 8 lb is 3.629 kg: a different value, though close

    TargetPlan plan = plan(spec, 50, 10);

    assertThat(List.of(plan.creates(), plan.updates(), plan.unchanged())).containsExactly(0L, 2L, 48L);
    assertThat(plan.changes()).extracting(PlannedChange::key).containsExactly("7", "8");
    PlannedChange.FieldChange seven = plan.changes().getFirst().fields().getFirst();
    assertThat(seven.field()).isEqualTo("weight_kg");
    assertThat(seven.before()).isEqualTo(new BigDecimal("99.000"));
    assertThat(new BigDecimal(seven.after().toString())).isEqualByComparingTo("3.175");
  }

  @Test
  void aKeyMetTwiceIsComparedWithWhatTheRunWouldHaveWrittenFirst() throws Exception {
    Spec spec = spec(Optional.empty(), InvalidRecords.DEAD_LETTER);
    var source = new InMemorySource(List.of(Map.of("id", 1, "weight_lb", "1"), Map.of("id", 1, "weight_lb", "1"),
        Map.of("id", 1, "weight_lb", "2")));
    Plan plan = new FlowPlanner(store, Connectors.of(new InMemoryConnector().source("src", source), table)).plan(request(spec), 10);
    TargetPlan target = plan.targets().getFirst();
    assertThat(List.of(target.creates(), target.updates(), target.unchanged())).containsExactly(1L, 1L, 1L);
  }

  @Test
  void aRunThatWouldPassVolumeMaxOrFailOnAnInvalidRecordIsSaidInWords() {
    assertThatThrownBy(() -> plan(spec(Optional.of(40L), InvalidRecords.DEAD_LETTER), 100, 10))
        .isInstanceOf(PlanFailed.class).hasMessageContaining("volume.max = 40");
    assertThatThrownBy(() -> plan(spec(Optional.empty(), InvalidRecords.FAIL), 100, 10))
        .isInstanceOf(PlanFailed.class).hasMessageStartingWith("a run would fail: ").hasMessageContaining("ten");
    assertThat(table.rows).isEmpty();
  }
}
