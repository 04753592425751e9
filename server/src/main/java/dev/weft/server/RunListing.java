package dev.weft.server;

import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/runs}: the runs a caller may see, newest first, filtered by instance, flow,
 * status and start time. An admin sees every run in the store (also those of {@code weft run});
 * a customer the runs of its instances.
 */
final class RunListing {
  private static final Pattern AGO = Pattern.compile("^(\\d+)\\s*(m|min|h|d)$");
  static final int MOST = 1000;

  /** The filters of one listing, checked. */
  record Filter(Optional<String> instance, Optional<String> flow, Optional<RunStatus> status, Optional<Instant> since, int limit) {}

  private final Store store;

  RunListing(Store store) {
    this.store = store;
  }

  /** Reads the query parameters; every bad one is named. */
  static Filter filter(Map<String, String> query, Instant now) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Optional<RunStatus> status = Optional.empty();
    String s = query.get("status");
    if (s != null && !s.isBlank()) {
      try {
        status = Optional.of(RunStatus.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.put("status", List.of("must be running, succeeded or failed (got " + s + ")"));
      }
    }
    Optional<Instant> since = Optional.empty();
    String sinceText = query.get("since");
    if (sinceText != null && !sinceText.isBlank()) {
      since = since(sinceText.trim(), now);
      if (since.isEmpty())
        errors.put("since", List.of("must be a time like 2026-11-27T10:00:00Z or 2026-11-27, or an age like 30m, 2h, 7d (got " + sinceText + ")"));
    }
    int limit = 100;
    String limitText = query.get("limit");
    if (limitText != null && !limitText.isBlank()) {
      try {
        limit = Integer.parseInt(limitText.trim());
        if (limit < 1 || limit > MOST) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        errors.put("limit", List.of("must be a whole number from 1 to " + MOST));
      }
    }
    if (!errors.isEmpty()) throw new Invalid(errors);
    return new Filter(text(query.get("instance")), text(query.get("flow")), status, since, limit);
  }

  static Optional<Instant> since(String text, Instant now) {
    Matcher ago = AGO.matcher(text);
    if (ago.matches()) {
      long n = Long.parseLong(ago.group(1));
      Duration d = switch (ago.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofMinutes(n);
      };
      return Optional.of(now.minus(d));
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /** {@code instances}: the ones the caller may see; empty for an admin, who sees every run. */
  List<RunRecord> list(Filter f, Optional<List<String>> visibleInstances) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (visibleInstances.isPresent()) {
      List<String> ids = visibleInstances.get();
      if (ids.isEmpty()) return List.of();
      where.add("instance IN (" + String.join(", ", ids.stream().map(i -> "?").toList()) + ")");
      args.addAll(ids);
    }
    f.instance().ifPresent(i -> {
      where.add("instance = ?");
      args.add(i);
    });
    f.flow().ifPresent(flow -> {
      where.add("flow = ?");
      args.add(flow);
    });
    f.status().ifPresent(st -> {
      where.add("status = ?");
      args.add(st.name());
    });
    f.since().ifPresent(t -> {
      where.add("started_at >= ?");
      args.add(t.atOffset(ZoneOffset.UTC));
    });
    String sql = "SELECT id FROM runs" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY started_at DESC, id";
    List<String> ids = Sql.with(store.dataSource(), "read runs", sql, s -> {
      s.setMaxRows(f.limit());
      for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(r.getString(1));
      }
      return out;
    });
    List<RunRecord> runs = new ArrayList<>();
    for (String id : ids) store.runs().get(id).ifPresent(runs::add);
    return runs;
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }
}
