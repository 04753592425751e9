package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.RunStart;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Run retention on a real (H2) store: what is older than the kept age goes, what is newer, running or still owed stays. */
class RetentionTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void old_finished_runs_their_logs_replayed_letters_and_done_webhooks_are_pruned() throws Exception {
    try (Store store = Store.open("jdbc:h2:mem:retention_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
      String old = run(store, 40, true);
      String oldRunning = run(store, 40, false);
      String recent = run(store, 5, true);
      List<String> many = new ArrayList<>();
      for (int i = 0; i < 1200; i++) many.add(run(store, 31, true)); // more than one chunk
      letter(store, old, 40, true);
      letter(store, old, 40, false);
      letter(store, recent, 5, true);
      inbox(store, 40, true);
      inbox(store, 40, false);
      inbox(store, 5, true);

      Retention.Pruned pruned = new Retention(store.dataSource(), Duration.ofDays(30), new Metrics()).prune(NOW);

      assertThat(pruned.runs()).isEqualTo(1201);
      assertThat(pruned.logLines()).isEqualTo(2 * 1201);
      assertThat(pruned.deadLetters()).isEqualTo(1);
      assertThat(pruned.inbox()).isEqualTo(1);
      assertThat(ids(store, "SELECT id FROM runs ORDER BY id")).containsExactlyInAnyOrder(oldRunning, recent);
      assertThat(ids(store, "SELECT DISTINCT run_id FROM run_log")).containsExactlyInAnyOrder(oldRunning, recent);
      assertThat(ids(store, "SELECT CAST(replayed_at IS NULL AS VARCHAR) || ':' || run_id FROM dead_letters"))
          .as("a letter not yet replayed stays whatever its age").containsExactlyInAnyOrder("TRUE:" + old, "FALSE:" + recent);
      assertThat(ids(store, "SELECT CAST(done_at IS NULL AS VARCHAR) FROM webhook_inbox")).containsExactlyInAnyOrder("TRUE", "FALSE");
      assertThat(new Retention(store.dataSource(), Duration.ofDays(30), new Metrics()).prune(NOW))
          .as("a second pass finds nothing").isEqualTo(new Retention.Pruned(0, 0, 0, 0));
    }
  }

  private static String run(Store store, int daysAgo, boolean finished) throws Exception {
    String id = store.runs().start(new RunStart("shop", "v1", "acme", "orders", "schedule"));
    store.runs().log(id, "INFO", "started");
    store.runs().log(id, "INFO", "more");
    if (finished) store.runs().finish(id, RunStatus.SUCCEEDED, Optional.empty(), Optional.empty());
    try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("UPDATE runs SET started_at = ? WHERE id = ?")) {
      s.setObject(1, at(daysAgo));
      s.setString(2, id);
      s.executeUpdate();
    }
    return id;
  }

  private static void letter(Store store, String runId, int daysAgo, boolean replayed) throws Exception {
    try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO dead_letters (run_id, instance, flow, record_position, step, reason, source_record, created_at, replayed_at)"
            + " VALUES (?, 'acme', 'orders', 'p#1', 'map', 'why', '{}', ?, ?)")) {
      s.setString(1, runId);
      s.setObject(2, at(daysAgo));
      s.setObject(3, replayed ? at(daysAgo - 1) : null);
      s.executeUpdate();
    }
  }

  private static void inbox(Store store, int daysAgo, boolean done) throws Exception {
    try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO webhook_inbox (instance, flow, payload, received_at, done_at) VALUES ('acme', 'orders', '{}', ?, ?)")) {
      s.setObject(1, at(daysAgo));
      s.setObject(2, done ? at(daysAgo) : null);
      s.executeUpdate();
    }
  }

  private static OffsetDateTime at(int daysAgo) {
    return NOW.minus(Duration.ofDays(daysAgo)).atOffset(ZoneOffset.UTC);
  }

  private static List<String> ids(Store store, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }
}
