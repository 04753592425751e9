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

/** Records that could not be delivered: listed, shown, and marked once replayed. */
public final class DeadLetters {
  private static final String COLUMNS =
      "id, run_id, instance, flow, record_position, step, reason, source_record, mapped_record, created_at, replayed_at";

  private final DataSource dataSource;

  DeadLetters(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Dead letters not yet replayed, oldest first; of one flow when {@code flow} is given. */
  public List<DeadLetter> pending(String instance, Optional<String> flow, int limit) {
    String sql =
        "SELECT " + COLUMNS + " FROM dead_letters WHERE instance = ? AND replayed_at IS NULL"
            + (flow.isPresent() ? " AND flow = ?" : "")
            + " ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setMaxRows(limit);
      s.setString(1, instance);
      if (flow.isPresent()) s.setString(2, flow.get());
      return read(s);
    } catch (SQLException e) {
      throw new StoreException("cannot list the dead letters", e);
    }
  }

  public Optional<DeadLetter> get(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?")) {
      s.setLong(1, id);
      return read(s).stream().findFirst();
    } catch (SQLException e) {
      throw new StoreException("cannot read dead letter " + id, e);
    }
  }

  public void markReplayed(long id) {
    update("UPDATE dead_letters SET replayed_at = ? WHERE id = ?", id, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** A replay that failed again keeps the letter, with the new reason. */
  public void updateReason(long id, String step, String reason) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE dead_letters SET step = ?, reason = ? WHERE id = ?")) {
      s.setString(1, step);
      s.setString(2, reason);
      s.setLong(3, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update dead letter " + id, e);
    }
  }

  private void update(String sql, long id, OffsetDateTime at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, at);
      s.setLong(2, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update dead letter " + id, e);
    }
  }

  /** Within the caller's transaction. */
  void add(Connection c, String runId, String instance, String flow, List<NewDeadLetter> letters) {
    if (letters.isEmpty()) return;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO dead_letters (run_id, instance, flow, record_position, step, reason, source_record,"
                + " mapped_record, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NewDeadLetter letter : letters) {
        s.setString(1, runId);
        s.setString(2, instance);
        s.setString(3, flow);
        s.setString(4, letter.position());
        s.setString(5, letter.step());
        s.setString(6, letter.reason());
        s.setString(7, Json.write(letter.sourceRecord()));
        s.setString(8, letter.mappedRecord().map(Json::write).orElse(null));
        s.setObject(9, now);
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot store the dead letters of run " + runId, e);
    }
  }

  private static List<DeadLetter> read(PreparedStatement s) throws SQLException {
    List<DeadLetter> letters = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        letters.add(
            new DeadLetter(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                Json.read(r.getString(8)),
                Optional.ofNullable(r.getString(9)).map(Json::read),
                r.getObject(10, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(r.getObject(11, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
      }
    }
    return letters;
  }
}
