package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.RunFailure;
import dev.weft.engine.RunResult;
import dev.weft.store.Counts;
import dev.weft.store.RunStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

  @Test
  void a_successful_run_is_told_in_one_paragraph() {
    var result = new RunResult("r1", RunStatus.SUCCEEDED, new Counts(2000, 1996, 3, 1, 0), Duration.ofMillis(800), "drop",
        "orders_db.orders", Optional.of("orders.csv:2000"), true, Optional.empty());
    assertThat(RunSummary.of(result)).isEqualTo(
        "Read 2,000 records from drop in 0.8 s (2,500/s): 1,996 written to orders_db.orders, 3 dead-lettered, 1 filtered."
            + " Checkpoint stored; the next run resumes after orders.csv:2000. See the dead letters with `weft dlq list`.");
  }

  @Test
  void a_failed_run_says_why_and_where_the_next_one_resumes() {
    var result = new RunResult("r2", RunStatus.FAILED, new Counts(5000, 5000, 0, 0, 0), Duration.ofSeconds(75), "drop",
        "orders_db.orders", Optional.of("orders.csv:5000"), true,
        Optional.of(new RunFailure("Order A-5001 was not loaded: connection refused", "08001")));
    assertThat(RunSummary.of(result)).isEqualTo(
        "The run failed after reading 5,000 records from drop in 1 min 15 s (67/s): 5,000 written to orders_db.orders."
            + " Order A-5001 was not loaded: connection refused. The checkpoint stays after orders.csv:5000; the next run resumes from there.");
  }

  @Test
  void a_run_with_nothing_new_says_so() {
    var result = new RunResult("r3", RunStatus.SUCCEEDED, Counts.ZERO, Duration.ofMillis(120), "drop", "db.t", Optional.empty(), false,
        Optional.empty());
    assertThat(RunSummary.of(result)).startsWith("Nothing new to read from drop");
  }

  @Test
  void a_sync_run_says_per_side_what_it_changed_and_its_conflicts_in_words() {
    var summary = new dev.weft.engine.SyncSummary(new dev.weft.store.SideCounts("crm /contacts", 12, 1, 3, 0, 8, 0),
        new dev.weft.store.SideCounts("helpdesk.customers", 10, 0, 0, 2, 7, 1), 1,
        java.util.List.of("a 17 / b 4: newest: a changed at 2026-11-28T10:02:00Z, b at 2026-11-28T09:00:00Z; a's version is kept"));
    var result = new RunResult("r4", RunStatus.SUCCEEDED, new Counts(22, 6, 1, 0, 0), Duration.ofMillis(1200), "crm /contacts",
        "helpdesk.customers", Optional.empty(), true, Optional.empty(), Optional.of(summary));
    assertThat(RunSummary.of(result)).isEqualTo(
        "Synced crm /contacts <-> helpdesk.customers in 1.2 s. crm /contacts: 12 records read; 1 created, 3 updated, 8 unchanged."
            + " helpdesk.customers: 10 records read; 2 deleted, 7 unchanged, 1 dead-lettered. 1 conflict (both sides changed the same"
            + " record): a 17 / b 4: newest: a changed at 2026-11-28T10:02:00Z, b at 2026-11-28T09:00:00Z; a's version is kept."
            + " See the dead letters with `weft dlq list`.");
  }
}
