package dev.weft.console;

import dev.weft.server.Caller;
import dev.weft.store.Counts;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The run history as the console pages it: newest first, filtered, a page at a time by keyset
 * (started_at, id) so that page 200 costs what page 1 does. Uses the indexes of migration V50.
 */
final class RunSearch {
  private static final String COLUMNS = "r.id, r.integration_id, r.spec_version, r.instance, r.flow, r.run_trigger, r.status,"
      + " r.read_count, r.written_count, r.dead_lettered_count, r.filtered_count, r.skipped_count, r.started_at,"
      + " r.finished_at, r.engineer_error, r.user_message";

  private final DataSource dataSource;

  RunSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Where the next page starts: after the run that started at {@code startedAt} with this id. */
  record Cursor(Instant startedAt, String id) {
    String token() {
      return startedAt + "~" + id;
    }

    static Optional<Cursor> parse(String token) {
      if (token == null || !token.contains("~")) return Optional.empty();
      try {
        int at = token.indexOf('~');
        return Optional.of(new Cursor(Instant.parse(token.substring(0, at)), token.substring(at + 1)));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  record Filter(Optional<String> instance, Optional<String> flow, Optional<RunStatus> status, Optional<Instant> from,
      Optional<Instant> to) {
    static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  record Page(List<RunRecord> runs, Optional<Cursor> next) {}

  Page page(Caller caller, Filter f, Optional<Cursor> after, int size) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM runs r WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (caller instanceof Caller.Customer c) {
      sql.append(" AND r.instance IN (SELECT i.id FROM instances i WHERE i.customer = ?)");
      args.add(c.customer());
    }
    f.instance().ifPresent(v -> { sql.append(" AND r.instance = ?"); args.add(v); });
    f.flow().ifPresent(v -> { sql.append(" AND r.flow = ?"); args.add(v); });
    f.status().ifPresent(v -> { sql.append(" AND r.status = ?"); args.add(v.name()); });
    f.from().ifPresent(v -> { sql.append(" AND r.started_at >= ?"); args.add(utc(v)); });
    f.to().ifPresent(v -> { sql.append(" AND r.started_at < ?"); args.add(utc(v)); });
    after.ifPresent(a -> {
      sql.append(" AND (r.started_at < ? OR (r.started_at = ? AND r.id < ?))");
      args.add(utc(a.startedAt()));
      args.add(utc(a.startedAt()));
      args.add(a.id());
    });
    sql.append(" ORDER BY r.started_at DESC, r.id DESC FETCH FIRST ? ROWS ONLY");
    args.add(size + 1);
    List<RunRecord> runs = query(sql.toString(), args);
    if (runs.size() <= size) return new Page(runs, Optional.empty());
    RunRecord last = runs.get(size - 1);
    return new Page(runs.subList(0, size), Optional.of(new Cursor(last.startedAt(), last.id())));
  }

  /** The latest run of each of these instances (of any flow): one index lookup per instance, on one connection. */
  Map<String, RunRecord> latest(List<String> instanceIds) {
    Map<String, RunRecord> out = new HashMap<>();
    String sql = "SELECT " + COLUMNS + " FROM runs r WHERE r.instance = ? ORDER BY r.started_at DESC, r.id DESC FETCH FIRST 1 ROWS ONLY";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (String id : instanceIds) {
        s.setString(1, id);
        read(s).forEach(r -> out.put(r.instance(), r));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the run history: " + e.getMessage(), e);
    }
    return out;
  }

  private List<RunRecord> query(String sql, List<Object> args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
      return read(s);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the run history: " + e.getMessage(), e);
    }
  }

  private static List<RunRecord> read(PreparedStatement s) throws SQLException {
    {
      List<RunRecord> runs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next())
          runs.add(new RunRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
              RunStatus.valueOf(r.getString(7)), new Counts(r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12)),
              r.getObject(13, OffsetDateTime.class).toInstant(),
              Optional.ofNullable(r.getObject(14, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
              Optional.ofNullable(r.getString(15)), Optional.ofNullable(r.getString(16))));
      }
      return runs;
    }
  }

  private static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
