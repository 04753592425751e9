package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** Where each flow of each instance resumes: the source's token after its last committed batch. */
public final class CheckpointStore {
  private final DataSource dataSource;

  CheckpointStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<String> get(String instance, String flow) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT checkpoint_token FROM checkpoints WHERE instance = ? AND flow = ?")) {
      s.setString(1, instance);
      s.setString(2, flow);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the checkpoint of flow " + flow, e);
    }
  }

  /** Forgets where a flow was, so its next run starts from the beginning. */
  public void reset(String instance, String flow) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM checkpoints WHERE instance = ? AND flow = ?")) {
      s.setString(1, instance);
      s.setString(2, flow);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot reset the checkpoint of flow " + flow, e);
    }
  }

  /** Within the caller's transaction (update, then insert when there was none). */
  void put(Connection c, String instance, String flow, String token) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement update =
        c.prepareStatement("UPDATE checkpoints SET checkpoint_token = ?, updated_at = ? WHERE instance = ? AND flow = ?")) {
      update.setString(1, token);
      update.setObject(2, now);
      update.setString(3, instance);
      update.setString(4, flow);
      if (update.executeUpdate() > 0) return;
    } catch (SQLException e) {
      throw new StoreException("cannot store the checkpoint of flow " + flow, e);
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO checkpoints (instance, flow, checkpoint_token, updated_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, instance);
      insert.setString(2, flow);
      insert.setString(3, token);
      insert.setObject(4, now);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the checkpoint of flow " + flow, e);
    }
  }
}
