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
import java.util.UUID;
import javax.sql.DataSource;

/** Runs of flows: when they started and ended, what they moved, what went wrong, and their log. */
public final class RunHistory {
  private final DataSource dataSource;

  RunHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a run as started and returns its id. */
  public String start(RunStart start) {
    return start(UUID.randomUUID().toString(), start);
  }

  /** Records the start of a run whose id the caller chose (so it can answer with it at once). */
  public String start(String id, RunStart start) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO runs (id, integration_id, spec_version, instance, flow, run_trigger, status, started_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, start.integrationId());
      s.setString(3, start.specVersion());
      s.setString(4, start.instance());
      s.setString(5, start.flow());
      s.setString(6, start.trigger());
      s.setString(7, RunStatus.RUNNING.name());
      s.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
      s.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new StoreException("cannot record the start of a run of flow " + start.flow(), e);
    }
  }

  /** Records how a run ended. The error is for engineers, the message for people. */
  public void finish(String runId, RunStatus status, Optional<String> engineerError, Optional<String> userMessage) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE runs SET status = ?, finished_at = ?, engineer_error = ?, user_message = ? WHERE id = ?")) {
      s.setString(1, status.name());
      s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      s.setString(3, engineerError.orElse(null));
      s.setString(4, userMessage.orElse(null));
      s.setString(5, runId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the end of run " + runId, e);
    }
  }

  /** Adds a line to the run's log. The caller makes sure it holds no secret. */
  public void log(String runId, String level, String message) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO run_log (run_id, logged_at, log_level, message) VALUES (?, ?, ?, ?)")) {
      s.setString(1, runId);
      s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      s.setString(3, level);
      s.setString(4, message);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write the log of run " + runId, e);
    }
  }

  public List<LogLine> logOf(String runId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT logged_at, log_level, message FROM run_log WHERE run_id = ? ORDER BY id")) {
      s.setString(1, runId);
      List<LogLine> lines = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next())
          lines.add(new LogLine(r.getObject(1, OffsetDateTime.class).toInstant(), r.getString(2), r.getString(3)));
      }
      return lines;
    } catch (SQLException e) {
      throw new StoreException("cannot read the log of run " + runId, e);
    }
  }

  public Optional<RunRecord> get(String runId) {
    List<RunRecord> found = query("WHERE id = ?", 1, runId);
    return found.stream().findFirst();
  }

  /** The latest runs of a flow, newest first. */
  public List<RunRecord> recent(String instance, String flow, int limit) {
    return query("WHERE instance = ? AND flow = ?", limit, instance, flow);
  }

  private List<RunRecord> query(String where, int limit, String... args) {
    String sql =
        "SELECT id, integration_id, spec_version, instance, flow, run_trigger, status, read_count, written_count,"
            + " dead_lettered_count, filtered_count, skipped_count, started_at, finished_at, engineer_error, user_message"
            + " FROM runs "
            + where
            + " ORDER BY started_at DESC";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setMaxRows(limit);
      for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
      List<RunRecord> runs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          runs.add(
              new RunRecord(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  RunStatus.valueOf(r.getString(7)),
                  new Counts(r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12)),
                  r.getObject(13, OffsetDateTime.class).toInstant(),
                  Optional.ofNullable(r.getObject(14, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                  Optional.ofNullable(r.getString(15)),
                  Optional.ofNullable(r.getString(16))));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw new StoreException("cannot read the run history", e);
    }
  }

  /** Within the caller's transaction. */
  void addCounts(Connection c, String runId, Counts counts) {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE runs SET read_count = read_count + ?, written_count = written_count + ?,"
                + " dead_lettered_count = dead_lettered_count + ?, filtered_count = filtered_count + ?,"
                + " skipped_count = skipped_count + ? WHERE id = ?")) {
      s.setLong(1, counts.read());
      s.setLong(2, counts.written());
      s.setLong(3, counts.deadLettered());
      s.setLong(4, counts.filtered());
      s.setLong(5, counts.skipped());
      s.setString(6, runId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot count the batch of run " + runId, e);
    }
  }
}
