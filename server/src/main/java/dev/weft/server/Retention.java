package dev.weft.server;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.weft.store.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run retention: runs that finished and started more than {@code keep} ago are deleted with their
 * log, as are dead letters already replayed and processed webhook inbox rows older than that.
 * Dead letters not yet replayed are kept whatever their age: they are work someone still owes.
 * Runs go in chunks, each chunk with its log in one transaction, so a large history never holds
 * one huge transaction. A db-scheduler recurring task, so one process of a cluster prunes.
 */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  static final String TASK = "weft-retention";
  private static final int CHUNK = 500;

  /** What one pass deleted. */
  record Pruned(long runs, long logLines, long deadLetters, long inbox) {}

  private final DataSource dataSource;
  private final Duration keep;
  private final Metrics metrics;

  Retention(DataSource dataSource, Duration keep, Metrics metrics) {
    this.dataSource = dataSource;
    this.keep = keep;
    this.metrics = metrics;
  }

  RecurringTask<Void> task(Duration every) {
    return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> prune(Instant.now()));
  }

  Pruned prune(Instant now) {
    OffsetDateTime before = now.minus(keep).atOffset(ZoneOffset.UTC);
    long runs = 0;
    long lines = 0;
    try (Connection c = dataSource.getConnection()) {
      List<String> chunk;
      while (!(chunk = oldRuns(c, before)).isEmpty()) {
        List<String> these = chunk;
        Pruned chunkPruned = Transaction.inOne(c, tx -> {
          long logLines = deleteEach(tx, "DELETE FROM run_log WHERE run_id = ?", these); // the lines before their run
          return new Pruned(deleteEach(tx, "DELETE FROM runs WHERE id = ?", these), logLines, 0, 0);
        });
        runs += chunkPruned.runs();
        lines += chunkPruned.logLines();
      }
      long letters = delete(c, "DELETE FROM dead_letters WHERE replayed_at IS NOT NULL AND created_at < ?", before);
      long inbox = delete(c, "DELETE FROM webhook_inbox WHERE done_at IS NOT NULL AND done_at < ?", before);
      Pruned pruned = new Pruned(runs, lines, letters, inbox);
      metrics.pruned("runs", runs);
      metrics.pruned("log_lines", lines);
      metrics.pruned("dead_letters", letters);
      metrics.pruned("inbox", inbox);
      if (runs + letters + inbox > 0)
        log.info("retention ({} kept): pruned {} runs, {} log lines, {} replayed dead letters, {} processed webhooks", keep, runs, lines,
            letters, inbox);
      return pruned;
    } catch (SQLException e) {
      throw new ServerStoreException("cannot prune old runs", e);
    }
  }

  private static List<String> oldRuns(Connection c, OffsetDateTime before) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM runs WHERE finished_at IS NOT NULL AND started_at < ? ORDER BY started_at")) {
      s.setMaxRows(CHUNK);
      s.setObject(1, before);
      List<String> ids = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) ids.add(r.getString(1));
      }
      return ids;
    }
  }

  private static long deleteEach(Connection c, String sql, List<String> ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (String id : ids) {
        s.setString(1, id);
        s.addBatch();
      }
      long n = 0;
      for (int count : s.executeBatch()) n += Math.max(count, 0);
      return n;
    }
  }

  private static long delete(Connection c, String sql, OffsetDateTime before) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, before);
      return s.executeUpdate();
    }
  }
}
