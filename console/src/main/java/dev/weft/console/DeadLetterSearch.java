package dev.weft.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.Caller;
import dev.weft.store.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Dead letters as the console pages them: newest first, by keyset on the id, scoped to what the caller sees. */
final class DeadLetterSearch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "d.id, d.run_id, d.instance, d.flow, d.record_position, d.step, d.reason, d.source_record, d.mapped_record, d.created_at, d.replayed_at";

  private final DataSource dataSource;

  DeadLetterSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record Page(List<DeadLetter> letters, Optional<Long> next) {}

  Page page(Caller caller, Optional<String> instance, Optional<String> flow, boolean withReplayed, Optional<Long> before, int size) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dead_letters d WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (caller instanceof Caller.Customer c) {
      sql.append(" AND d.instance IN (SELECT i.id FROM instances i WHERE i.customer = ?)");
      args.add(c.customer());
    }
    instance.ifPresent(v -> { sql.append(" AND d.instance = ?"); args.add(v); });
    flow.ifPresent(v -> { sql.append(" AND d.flow = ?"); args.add(v); });
    if (!withReplayed) sql.append(" AND d.replayed_at IS NULL");
    before.ifPresent(v -> { sql.append(" AND d.id < ?"); args.add(v); });
    sql.append(" ORDER BY d.id DESC FETCH FIRST ? ROWS ONLY");
    args.add(size + 1);
    List<DeadLetter> letters = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
      try (ResultSet r = s.executeQuery()) {
        while (r.next())
          letters.add(new DeadLetter(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
              r.getString(7), map(r.getString(8)), Optional.ofNullable(r.getString(9)).map(DeadLetterSearch::map),
              r.getObject(10, OffsetDateTime.class).toInstant(),
              Optional.ofNullable(r.getObject(11, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the dead letters: " + e.getMessage(), e);
    }
    if (letters.size() <= size) return new Page(letters, Optional.empty());
    return new Page(letters.subList(0, size), Optional.of(letters.get(size - 1).id()));
  }

  private static Map<String, Object> map(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Map.of("unreadable", json);
    }
  }
}
