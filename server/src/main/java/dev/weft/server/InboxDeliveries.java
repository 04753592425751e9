package dev.weft.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The webhook inbox as people see it: deliveries by status, the queue depth by status, and the
 * replay of failed deliveries (they become pending again with their attempts reset).
 */
final class InboxDeliveries {
  /** Where a delivery stands. */
  enum Status {
    /** accepted, not tried yet */
    PENDING("done_at IS NULL AND failed_at IS NULL AND attempts = 0"),
    /** tried and failed, waiting for its next attempt */
    RETRYING("done_at IS NULL AND failed_at IS NULL AND attempts > 0"),
    /** failed on every attempt; kept until replayed */
    FAILED("done_at IS NULL AND failed_at IS NOT NULL"),
    /** its records were committed by a run */
    PROCESSED("done_at IS NOT NULL");

    final String condition;

    Status(String condition) {
      this.condition = condition;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Status> parse(String s) {
      return Arrays.stream(values()).filter(v -> v.label().equals(s)).findFirst();
    }
  }

  /** One delivery without its body. */
  record Delivery(long id, String instance, String flow, Optional<String> deliveryId, Status status, OffsetDateTime receivedAt,
      int attempts, Optional<OffsetDateTime> nextAttemptAt, Optional<String> lastError, Optional<String> runId,
      Optional<OffsetDateTime> doneAt, Optional<OffsetDateTime> failedAt) {}

  private static final String COLUMNS =
      "id, instance, flow, delivery_id, received_at, attempts, next_attempt_at, last_error, run_id, done_at, failed_at";

  private final DataSource dataSource;

  InboxDeliveries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The instance's deliveries, newest first, of one status or all. */
  List<Delivery> list(String instance, Optional<Status> status, Optional<String> flow, int limit) {
    String sql = "SELECT " + COLUMNS + " FROM webhook_inbox WHERE instance = ?" + status.map(s -> " AND " + s.condition).orElse("")
        + (flow.isPresent() ? " AND flow = ?" : "") + " ORDER BY id DESC LIMIT " + limit;
    return Sql.with(dataSource, "list the webhook inbox", sql, s -> {
      s.setString(1, instance);
      if (flow.isPresent()) s.setString(2, flow.get());
      List<Delivery> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(delivery(r));
      }
      return out;
    });
  }

  /** Makes the instance's failed deliveries (all, or the one with this inbox id) pending again; how many. */
  int replay(String instance, Optional<Long> id) {
    return Sql.with(dataSource, "replay failed webhooks",
        "UPDATE webhook_inbox SET failed_at = NULL, attempts = 0, next_attempt_at = NULL WHERE instance = ? AND " + Status.FAILED.condition
            + (id.isPresent() ? " AND id = ?" : ""), s -> {
          s.setString(1, instance);
          if (id.isPresent()) s.setLong(2, id.get());
          return s.executeUpdate();
        });
  }

  /** Deliveries not processed, by status (pending, retrying, failed), over every instance. */
  Map<Status, Long> depth() {
    Map<Status, Long> out = new LinkedHashMap<>();
    for (Status s : List.of(Status.PENDING, Status.RETRYING, Status.FAILED)) out.put(s, 0L);
    return Sql.with(dataSource, "count the inbox", "SELECT attempts > 0, failed_at IS NOT NULL, COUNT(*) FROM webhook_inbox"
        + " WHERE done_at IS NULL GROUP BY attempts > 0, failed_at IS NOT NULL", s -> {
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              Status status = r.getBoolean(2) ? Status.FAILED : r.getBoolean(1) ? Status.RETRYING : Status.PENDING;
              out.merge(status, r.getLong(3), Long::sum);
            }
          }
          return out;
        });
  }

  private static Delivery delivery(ResultSet r) throws SQLException {
    Optional<OffsetDateTime> done = Optional.ofNullable(r.getObject("done_at", OffsetDateTime.class));
    Optional<OffsetDateTime> failed = Optional.ofNullable(r.getObject("failed_at", OffsetDateTime.class));
    int attempts = r.getInt("attempts");
    Status status = done.isPresent() ? Status.PROCESSED : failed.isPresent() ? Status.FAILED : attempts > 0 ? Status.RETRYING : Status.PENDING;
    return new Delivery(r.getLong("id"), r.getString("instance"), r.getString("flow"), Optional.ofNullable(r.getString("delivery_id")),
        status, r.getObject("received_at", OffsetDateTime.class), attempts,
        Optional.ofNullable(r.getObject("next_attempt_at", OffsetDateTime.class)), Optional.ofNullable(r.getString("last_error")),
        Optional.ofNullable(r.getString("run_id")), done, failed);
  }
}
