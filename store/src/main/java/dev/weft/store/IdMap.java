package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Which record of side a is which record of side b, per instance and sync flow. Looked up in bulk
 * (one query per few hundred ids), changed only inside {@link Store#commitSync}.
 */
public final class IdMap {
  private static final int IN_CHUNK = 500;

  private final DataSource dataSource;

  IdMap(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The pairs of these side-a ids, by a id, with their views. */
  public Map<String, IdPair> byA(String instance, String flow, Collection<String> aIds) {
    return lookup(instance, flow, "a_id", aIds, IdPair::aId);
  }

  /** The pairs of these side-b ids, by b id. */
  public Map<String, IdPair> byB(String instance, String flow, Collection<String> bIds) {
    return lookup(instance, flow, "b_id", bIds, IdPair::bId);
  }

  /** Every pair of the flow without its views, handed over one at a time (deletes are found by missing ids). */
  public void forEach(String instance, String flow, Consumer<IdPair> each) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT a_id, b_id, a_hash, b_hash FROM id_map WHERE instance = ? AND flow = ?")) {
      s.setFetchSize(2000);
      s.setString(1, instance);
      s.setString(2, flow);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) each.accept(pair(r));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the id map of flow " + flow, e);
    }
  }

  public long count(String instance, String flow) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM id_map WHERE instance = ? AND flow = ?")) {
      s.setString(1, instance);
      s.setString(2, flow);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count the id map of flow " + flow, e);
    }
  }

  /** Forgets every pair of the flow, so its next run pairs records again by the match rule. */
  public void reset(String instance, String flow) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM id_map WHERE instance = ? AND flow = ?")) {
      s.setString(1, instance);
      s.setString(2, flow);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot reset the id map of flow " + flow, e);
    }
  }

  private Map<String, IdPair> lookup(
      String instance, String flow, String column, Collection<String> ids, java.util.function.Function<IdPair, String> key) {
    Map<String, IdPair> found = new HashMap<>();
    if (ids.isEmpty()) return found;
    List<String> all = List.copyOf(ids);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += IN_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
        String sql = "SELECT a_id, b_id, a_hash, b_hash, a_view, b_view FROM id_map WHERE instance = ? AND flow = ? AND " + column
            + " IN (" + "?,".repeat(chunk.size() - 1) + "?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setString(1, instance);
          s.setString(2, flow);
          for (int i = 0; i < chunk.size(); i++) s.setString(i + 3, chunk.get(i));
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              IdPair p = new IdPair(r.getString(1), r.getString(2), Optional.ofNullable(r.getString(3)),
                  Optional.ofNullable(r.getString(4)), Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)));
              found.put(key.apply(p), p);
            }
          }
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read the id map of flow " + flow, e);
    }
  }

  private static IdPair pair(ResultSet r) throws SQLException {
    return new IdPair(r.getString(1), r.getString(2), Optional.ofNullable(r.getString(3)), Optional.ofNullable(r.getString(4)));
  }

  /**
   * Within the caller's transaction: stores each pair under its a id. A row holding either id in
   * another pair is replaced (a record paired anew after its partner was deleted).
   */
  void put(Connection c, String instance, String flow, List<IdPair> pairs) throws SQLException {
    if (pairs.isEmpty()) return;
    removeIds(c, instance, flow, "a_id", pairs.stream().map(IdPair::aId).toList());
    removeIds(c, instance, flow, "b_id", pairs.stream().map(IdPair::bId).toList());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO id_map (instance, flow, a_id, b_id, a_hash, b_hash, a_view, b_view, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (IdPair p : pairs) {
        s.setString(1, instance);
        s.setString(2, flow);
        s.setString(3, p.aId());
        s.setString(4, p.bId());
        s.setString(5, p.aHash().orElse(null));
        s.setString(6, p.bHash().orElse(null));
        s.setString(7, p.aView().orElse(null));
        s.setString(8, p.bView().orElse(null));
        s.setObject(9, now);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Refreshes the table's statistics after many pairs arrived at once (a first run pairing a large
   * set): until the database's own auto-analyze catches up, PostgreSQL's planner would take the
   * table for nearly empty and read every pair of the flow for each lookup by id.
   */
  void refreshStatistics(Connection c) throws SQLException {
    boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
    try (var s = c.createStatement()) {
      s.execute(h2 ? "ANALYZE TABLE id_map" : "ANALYZE id_map");
    }
  }

  /** Within the caller's transaction: forgets the pairs of these a ids. */
  void removeByA(Connection c, String instance, String flow, List<String> aIds) throws SQLException {
    removeIds(c, instance, flow, "a_id", aIds);
  }

  private static void removeIds(Connection c, String instance, String flow, String column, List<String> ids) throws SQLException {
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      String sql = "DELETE FROM id_map WHERE instance = ? AND flow = ? AND " + column + " IN (" + "?,".repeat(chunk.size() - 1) + "?)";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, instance);
        s.setString(2, flow);
        for (int i = 0; i < chunk.size(); i++) s.setString(i + 3, chunk.get(i));
        s.executeUpdate();
      }
    }
  }
}
