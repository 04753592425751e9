package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreTest {
  private final Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void a_committed_batch_stores_checkpoint_dead_letters_and_counts_together() {
    String run = store.runs().start(new RunStart("orders-csv", "abc", "default", "orders", "manual"));
    var letter =
        new NewDeadLetter("orders.csv:3", "map", "map[3] (convert lb -> kg): 'ten' is not a number", Map.of("weight_lb", "ten"), Optional.empty());

    store.commitBatch(new BatchCommit(run, "default", "orders", Optional.of("orders.csv:1000"), List.of(letter), new Counts(1000, 998, 1, 1, 0)));
    store.commitBatch(new BatchCommit(run, "default", "orders", Optional.of("orders.csv:1500"), List.of(), new Counts(500, 500, 0, 0, 0)));

    assertThat(store.checkpoints().get("default", "orders")).contains("orders.csv:1500");
    assertThat(store.runs().get(run).orElseThrow().counts()).isEqualTo(new Counts(1500, 1498, 1, 1, 0));
    List<DeadLetter> pending = store.deadLetters().pending("default", Optional.of("orders"), 10);
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).sourceRecord()).containsEntry("weight_lb", "ten");
    assertThat(pending.get(0).reason()).contains("'ten' is not a number");
  }

  @Test
  void checkpoints_are_per_instance_and_flow_and_can_be_reset() {
    String run = store.runs().start(new RunStart("i", "v", "acme", "orders", "manual"));
    store.commitBatch(new BatchCommit(run, "acme", "orders", Optional.of("7"), List.of(), Counts.ZERO));
    assertThat(store.checkpoints().get("acme", "orders")).contains("7");
    assertThat(store.checkpoints().get("globex", "orders")).isEmpty();
    store.checkpoints().reset("acme", "orders");
    assertThat(store.checkpoints().get("acme", "orders")).isEmpty();
  }

  @Test
  void replayed_dead_letters_leave_the_pending_list() {
    String run = store.runs().start(new RunStart("i", "v", "default", "orders", "manual"));
    var letter = new NewDeadLetter("p1", "target", "duplicate key", Map.of("id", 1), Optional.of(Map.of("id", 1)));
    store.commitBatch(new BatchCommit(run, "default", "orders", Optional.empty(), List.of(letter, letter), new Counts(2, 0, 2, 0, 0)));
    List<DeadLetter> pending = store.deadLetters().pending("default", Optional.empty(), 10);
    store.deadLetters().markReplayed(pending.get(0).id());
    store.deadLetters().updateReason(pending.get(1).id(), "target", "still wrong");

    assertThat(store.deadLetters().pending("default", Optional.empty(), 10)).extracting(DeadLetter::reason).containsExactly("still wrong");
    assertThat(store.deadLetters().get(pending.get(0).id()).orElseThrow().replayed()).isTrue();
    assertThat(store.checkpoints().get("default", "orders")).isEmpty();
  }

  @Test
  void a_finished_run_keeps_its_status_message_and_log() {
    String run = store.runs().start(new RunStart("i", "v", "default", "orders", "manual"));
    store.runs().log(run, "INFO", "started");
    store.runs().finish(run, RunStatus.FAILED, Optional.of("SQLState 08001"), Optional.of("Orders could not be loaded"));
    RunRecord record = store.runs().get(run).orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.FAILED);
    assertThat(record.userMessage()).contains("Orders could not be loaded");
    assertThat(record.finishedAt()).isPresent();
    assertThat(store.runs().logOf(run)).extracting(LogLine::message).containsExactly("started");
    assertThat(store.runs().recent("default", "orders", 5)).extracting(RunRecord::id).containsExactly(run);
  }

  @Test
  void reopening_a_migrated_store_keeps_its_state() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Store first = Store.open(url)) {
      String run = first.runs().start(new RunStart("i", "v", "default", "f", "manual"));
      first.commitBatch(new BatchCommit(run, "default", "f", Optional.of("42"), List.of(), Counts.ZERO));
    }
    try (Store second = Store.open(url)) {
      assertThat(second.checkpoints().get("default", "f")).contains("42");
    }
  }

  @Test
  void passwords_are_hidden_in_state_urls() {
    assertThat(StateUrl.redact("jdbc:postgresql://h/db?user=a&password=s3cret")).doesNotContain("s3cret");
    assertThat(StateUrl.parse("jdbc:postgresql://h/db?currentSchema=t1").schema()).contains("t1");
    assertThat(StateUrl.parse("jdbc:postgresql://h/db").schema()).contains("weft");
    assertThat(StateUrl.parse("jdbc:h2:file:./x").jdbcUrl()).endsWith(";DB_CLOSE_ON_EXIT=FALSE");
    assertThat(StateUrl.parse("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE").jdbcUrl()).isEqualTo("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE");
    assertThat(StateUrl.parse("jdbc:h2:mem:x").schema()).isEmpty();
  }
}
