package dev.weft.server;

import dev.weft.store.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The inbox rows as the worker takes them: which instance/flow groups have work, a group's next
 * batch claimed under this process's lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, the
 * free-row condition repeated in the update on H2), and the outcome of an attempt: processed, or
 * failed with the next attempt's time (or {@code failed} after the last one).
 */
final class InboxClaims {
  /** The payloads one claim loads at most (beyond its first row), so that a batch of large bodies stays bounded in memory. */
  static final long PAYLOAD_BUDGET = 32L * 1024 * 1024;

  record Group(String instance, String flow) {}

  record Claimed(long id, Optional<String> deliveryId, String payload, int attempts) {}

  private static final String PENDING = "done_at IS NULL AND failed_at IS NULL";
  private static final String FREE = PENDING + " AND (claimed_by IS NULL OR claimed_at < ?)";

  private final DataSource dataSource;
  private final String me;
  private final Duration lease;
  private final boolean postgres;

  InboxClaims(DataSource dataSource, String me, Duration lease) {
    this.dataSource = dataSource;
    this.me = me;
    this.lease = lease;
    this.postgres = isPostgres(dataSource);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * Groups with rows free to claim and due (some may still wait for a failed row's next attempt).
   * On PostgreSQL the instance/flow pairs are found by skipping along the groups index, one probe
   * per pair, and each pair is checked for a free row from where its pending rows start: a backlog
   * of pending rows or years of processed ones cost nothing here.
   */
  List<Group> due() {
    OffsetDateTime now = now();
    String sql = postgres
        ? "WITH RECURSIVE g(instance, flow) AS ("
            + " (SELECT instance, flow FROM webhook_inbox ORDER BY instance, flow LIMIT 1)"
            + " UNION ALL SELECT n.instance, n.flow FROM g CROSS JOIN LATERAL (SELECT w.instance, w.flow FROM webhook_inbox w"
            + " WHERE (w.instance, w.flow) > (g.instance, g.flow) ORDER BY w.instance, w.flow LIMIT 1) n)"
            + " SELECT g.instance, g.flow FROM g WHERE EXISTS (SELECT 1 FROM webhook_inbox"
            + " WHERE instance = g.instance AND flow = g.flow AND " + FREE + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?))"
        : "SELECT DISTINCT instance, flow FROM webhook_inbox WHERE " + FREE + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)";
    return Sql.with(dataSource, "find webhooks to process", sql, s -> {
      s.setObject(1, now.minus(lease));
      s.setObject(2, now);
      List<Group> groups = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) groups.add(new Group(r.getString(1), r.getString(2)));
      }
      return groups;
    });
  }

  /**
   * Claims up to {@code max} free rows of the group, oldest first, and none from a row that waits
   * for its next attempt on (later deliveries keep their order behind it and go in the same retry).
   */
  List<Claimed> claim(Group group, int max) {
    OffsetDateTime now = now();
    OffsetDateTime expired = now.minus(lease);
    try (Connection c = dataSource.getConnection()) {
      return Transaction.inOne(c, tx -> {
        List<Long> ids = pick(tx, group, max, now, expired);
        if (ids.isEmpty()) return List.<Claimed>of();
        return postgres ? claimAll(tx, ids, now) : claimEach(tx, ids, now, expired);
      });
    } catch (SQLException e) {
      throw new ServerStoreException("cannot claim webhooks of " + group.instance() + "/" + group.flow() + " from the inbox", e);
    }
  }

  /** PostgreSQL: the picked rows are locked (FOR UPDATE) and claimed in one statement that returns them. */
  private List<Claimed> claimAll(Connection c, List<Long> ids, OffsetDateTime now) throws SQLException {
    List<Claimed> rows = new ArrayList<>(ids.size());
    try (PreparedStatement u = c.prepareStatement("UPDATE webhook_inbox SET claimed_by = ?, claimed_at = ? WHERE id = ANY(?)"
        + " RETURNING id, delivery_id, payload, attempts")) {
      u.setString(1, me);
      u.setObject(2, now);
      u.setArray(3, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet r = u.executeQuery()) {
        while (r.next()) rows.add(new Claimed(r.getLong(1), Optional.ofNullable(r.getString(2)), r.getString(3), r.getInt(4)));
      }
    }
    rows.sort(Comparator.comparingLong(Claimed::id));
    return rows;
  }

  /** H2 (no row locks in the pick): another process may have taken a row between pick and update; it updates nothing. */
  private List<Claimed> claimEach(Connection c, List<Long> ids, OffsetDateTime now, OffsetDateTime expired) throws SQLException {
    List<Long> claimed = new ArrayList<>();
    try (PreparedStatement u = c.prepareStatement("UPDATE webhook_inbox SET claimed_by = ?, claimed_at = ? WHERE id = ? AND " + FREE)) {
      for (long id : ids) {
        u.setString(1, me);
        u.setObject(2, now);
        u.setLong(3, id);
        u.setObject(4, expired);
        u.addBatch();
      }
      int[] updated = u.executeBatch();
      for (int k = 0; k < ids.size(); k++)
        if (updated[k] != 0) claimed.add(ids.get(k));
    }
    return load(c, claimed);
  }

  private static List<Claimed> load(Connection c, List<Long> ids) throws SQLException {
    List<Claimed> rows = new ArrayList<>(ids.size());
    if (ids.isEmpty()) return rows;
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement q = c.prepareStatement(
        "SELECT id, delivery_id, payload, attempts FROM webhook_inbox WHERE id IN (" + marks + ") ORDER BY id")) {
      for (int k = 0; k < ids.size(); k++) q.setLong(k + 1, ids.get(k));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) rows.add(new Claimed(r.getLong(1), Optional.ofNullable(r.getString(2)), r.getString(3), r.getInt(4)));
      }
    }
    return rows;
  }

  /**
   * The group's free rows oldest first, up to the first that waits for its next attempt: the rows
   * behind it wait with it. The order is the whole groups index's, which is the rows' order within
   * one group's pending rows, so the database reads the index from the first pending row on.
   */
  private List<Long> pick(Connection c, Group group, int max, OffsetDateTime now, OffsetDateTime expired) throws SQLException {
    String sql = "SELECT id, LENGTH(payload), CASE WHEN next_attempt_at > ? THEN 1 ELSE 0 END FROM webhook_inbox"
        + " WHERE instance = ? AND flow = ? AND " + FREE + " ORDER BY instance, flow, done_at, failed_at, id LIMIT " + max
        + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, now);
      s.setString(2, group.instance());
      s.setString(3, group.flow());
      s.setObject(4, expired);
      try (ResultSet r = s.executeQuery()) {
        long bytes = 0;
        while (r.next()) {
          if (r.getInt(3) == 1) break;
          bytes += r.getLong(2);
          if (!ids.isEmpty() && bytes > PAYLOAD_BUDGET) break;
          ids.add(r.getLong(1));
        }
      }
    }
    return ids;
  }

  /** The rows were processed by the run (its batch committed); {@code claimed_by} keeps which process did it. */
  void processed(List<Claimed> rows, String runId) {
    if (rows.isEmpty()) return;
    OffsetDateTime now = now();
    if (postgres) {
      Sql.with(dataSource, "mark webhooks processed", "UPDATE webhook_inbox SET done_at = ?, run_id = ?, next_attempt_at = NULL WHERE id = ANY(?)",
          s -> {
            s.setObject(1, now);
            s.setString(2, runId);
            s.setArray(3, s.getConnection().createArrayOf("bigint", rows.stream().map(Claimed::id).toArray()));
            return s.executeUpdate();
          });
      return;
    }
    batch("mark webhooks processed",
        "UPDATE webhook_inbox SET done_at = ?, run_id = ?, next_attempt_at = NULL WHERE id = ?",
        rows, (s, row) -> {
          s.setObject(1, now);
          s.setString(2, runId);
          s.setLong(3, row.id());
        });
  }

  /**
   * An attempt on the rows failed: each is given back with one attempt more and the time of its
   * next, or marked failed when that was its last. The run (when one started) and the error are kept.
   */
  void failed(List<Claimed> rows, Optional<String> runId, String error, InboxTuning tuning) {
    if (rows.isEmpty()) return;
    OffsetDateTime now = now();
    String message = error.length() > 2000 ? error.substring(0, 1997) + "..." : error;
    batch("record failed webhook attempts",
        "UPDATE webhook_inbox SET attempts = ?, next_attempt_at = ?, failed_at = ?, last_error = ?, run_id = COALESCE(?, run_id),"
            + " claimed_by = NULL, claimed_at = NULL WHERE id = ? AND done_at IS NULL",
        rows, (s, row) -> {
          int attempts = row.attempts() + 1;
          boolean last = attempts >= tuning.maxAttempts();
          s.setInt(1, attempts);
          s.setObject(2, last ? null : now.plus(tuning.retryAfter(attempts)));
          s.setObject(3, last ? now : null);
          s.setString(4, message);
          s.setString(5, runId.orElse(null));
          s.setLong(6, row.id());
        });
  }

  /** Gives rows back untouched (the process is stopping, or the attempt could not be made for a reason of its own). */
  void release(List<Claimed> rows) {
    batch("give webhooks back", "UPDATE webhook_inbox SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND claimed_by = ?", rows,
        (s, row) -> {
          s.setLong(1, row.id());
          s.setString(2, me);
        });
  }

  /** Keeps this process's claims alive while it works on them. */
  int renew() {
    return Sql.with(dataSource, "renew inbox claims", "UPDATE webhook_inbox SET claimed_at = ? WHERE claimed_by = ? AND done_at IS NULL", s -> {
      s.setObject(1, now());
      s.setString(2, me);
      return s.executeUpdate();
    });
  }

  /** Gives back every claim of this process not finished. */
  int releaseAll() {
    return Sql.with(dataSource, "release inbox claims",
        "UPDATE webhook_inbox SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ? AND done_at IS NULL", s -> {
          s.setString(1, me);
          return s.executeUpdate();
        });
  }

  private interface RowBinder {
    void bind(PreparedStatement s, Claimed row) throws SQLException;
  }

  private void batch(String what, String sql, List<Claimed> rows, RowBinder binder) {
    try (Connection c = dataSource.getConnection()) {
      Transaction.inOne(c, tx -> {
        try (PreparedStatement s = tx.prepareStatement(sql)) {
          for (Claimed row : rows) {
            binder.bind(s, row);
            s.addBatch();
          }
          return s.executeBatch();
        }
      });
    } catch (SQLException e) {
      throw new ServerStoreException("cannot " + what, e);
    }
  }

  static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new ServerStoreException("cannot reach the store", e);
    }
  }
}
