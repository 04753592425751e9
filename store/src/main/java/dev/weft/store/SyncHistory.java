package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** What sync runs did: their conflicts with both versions, and per run and side the counts. */
public final class SyncHistory {
  private static final String CONFLICT_COLUMNS =
      "id, run_id, instance, flow, a_id, b_id, a_version, b_version, winner, outcome, created_at";

  private final DataSource dataSource;

  SyncHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The flow's latest conflicts, newest first. */
  public List<SyncConflict> conflicts(String instance, String flow, int limit) {
    return conflicts("WHERE instance = ? AND flow = ? ORDER BY id DESC", limit, instance, flow);
  }

  /** The conflicts one run settled, in the order it met them. */
  public List<SyncConflict> conflictsOf(String runId) {
    return conflicts("WHERE run_id = ? ORDER BY id", Integer.MAX_VALUE, runId);
  }

  /** The run's counts on side a and side b; empty for a run that is not a sync or stored nothing. */
  public Optional<List<SideCounts>> sides(String runId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT side_name, read_count, created_count, updated_count, deleted_count, unchanged_count, dead_lettered_count"
                + " FROM sync_run_sides WHERE run_id = ? ORDER BY side")) {
      s.setString(1, runId);
      List<SideCounts> sides = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next())
          sides.add(new SideCounts(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7)));
      }
      return sides.size() == 2 ? Optional.of(sides) : Optional.empty();
    } catch (SQLException e) {
      throw new StoreException("cannot read the sync counts of run " + runId, e);
    }
  }

  private List<SyncConflict> conflicts(String where, int limit, String... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM sync_conflicts " + where)) {
      s.setMaxRows(limit);
      for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
      List<SyncConflict> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(new SyncConflict(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
              Optional.ofNullable(r.getString(7)).map(Json::read), Optional.ofNullable(r.getString(8)).map(Json::read),
              r.getString(9), r.getString(10), r.getObject(11, OffsetDateTime.class).toInstant()));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read the sync conflicts", e);
    }
  }

  /** Within the caller's transaction. */
  void addConflicts(Connection c, String runId, String instance, String flow, List<NewConflict> conflicts) throws SQLException {
    if (conflicts.isEmpty()) return;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO sync_conflicts (run_id, instance, flow, a_id, b_id, a_version, b_version, winner, outcome, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NewConflict n : conflicts) {
        s.setString(1, runId);
        s.setString(2, instance);
        s.setString(3, flow);
        s.setString(4, n.aId());
        s.setString(5, n.bId());
        s.setString(6, n.aVersion().map(Json::write).orElse(null));
        s.setString(7, n.bVersion().map(Json::write).orElse(null));
        s.setString(8, n.winner());
        s.setString(9, n.outcome());
        s.setObject(10, now);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Within the caller's transaction: adds to the run's counts of one side. */
  void addSide(Connection c, String runId, String side, SideCounts n) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(
        "UPDATE sync_run_sides SET read_count = read_count + ?, created_count = created_count + ?,"
            + " updated_count = updated_count + ?, deleted_count = deleted_count + ?, unchanged_count = unchanged_count + ?,"
            + " dead_lettered_count = dead_lettered_count + ? WHERE run_id = ? AND side = ?")) {
      setCounts(u, n);
      u.setString(7, runId);
      u.setString(8, side);
      if (u.executeUpdate() > 0) return;
    }
    try (PreparedStatement i = c.prepareStatement(
        "INSERT INTO sync_run_sides (read_count, created_count, updated_count, deleted_count, unchanged_count,"
            + " dead_lettered_count, run_id, side, side_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      setCounts(i, n);
      i.setString(7, runId);
      i.setString(8, side);
      i.setString(9, n.side());
      i.executeUpdate();
    }
  }

  private static void setCounts(PreparedStatement s, SideCounts n) throws SQLException {
    s.setLong(1, n.read());
    s.setLong(2, n.created());
    s.setLong(3, n.updated());
    s.setLong(4, n.deleted());
    s.setLong(5, n.unchanged());
    s.setLong(6, n.deadLettered());
  }
}
