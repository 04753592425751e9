package dev.weft.server;

import dev.weft.store.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook inbox, written with group commit: one writer thread takes every pending delivery
 * (up to 500), inserts them in one JDBC batch, commits once, then completes each delivery's
 * future. A delivery id already stored answers with the first row's id.
 */
public final class Inbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);
  public static final int MAX_GROUP = 500;

  /** A delivery to store. */
  public record Delivery(String instance, String flow, Optional<String> deliveryId, String payload) {}

  /** A stored delivery: its row id, and whether it was stored before (a redelivery). */
  public record Accepted(long id, boolean repeat) {}

  private record Pending(Delivery delivery, CompletableFuture<Accepted> done) {}

  private final DataSource dataSource;
  private final boolean postgres;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final List<Consumer<Set<InboxClaims.Group>>> afterCommit = new ArrayList<>();
  private volatile boolean open = true;
  private volatile long groups;

  public Inbox(DataSource dataSource) {
    this.dataSource = dataSource;
    this.postgres = InboxClaims.isPostgres(dataSource);
    this.writer = Thread.ofPlatform().name("weft-inbox-writer").daemon(true).unstarted(this::write);
    writer.start();
  }

  /** Called after each committed group with the instance/flow pairs it stored rows of (wakes the worker). */
  void onCommit(Consumer<Set<InboxClaims.Group>> listener) {
    afterCommit.add(listener);
  }

  public CompletableFuture<Accepted> submit(Delivery delivery) {
    CompletableFuture<Accepted> done = new CompletableFuture<>();
    if (!open) {
      done.completeExceptionally(new Refused(503, "the server is shutting down"));
      return done;
    }
    queue.add(new Pending(delivery, done));
    return done;
  }

  /** Deliveries waiting for the writer. */
  public int queued() {
    return queue.size();
  }

  /** How many commits the writer made (fewer than deliveries when they were grouped). */
  public long groups() {
    return groups;
  }

  private void write() {
    List<Pending> group = new ArrayList<>(MAX_GROUP);
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        store(group);
        Set<InboxClaims.Group> stored = new HashSet<>();
        for (Pending p : group) stored.add(new InboxClaims.Group(p.delivery().instance(), p.delivery().flow()));
        afterCommit.forEach(listener -> listener.accept(stored));
      } catch (InterruptedException e) {
        if (!open) continue;
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("the inbox writer failed a group of {}: {}", group.size(), e.toString());
        group.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
  }

  private void store(List<Pending> group) {
    try {
      storeGroup(group);
    } catch (SQLException e) {
      // a race on a delivery id with another process: store one by one
      log.warn("group insert of {} failed ({}); storing one by one", group.size(), e.getMessage());
      for (Pending p : group) {
        try {
          storeGroup(List.of(p));
        } catch (SQLException single) {
          p.done().completeExceptionally(new ServerStoreException("cannot store the webhook", single));
        }
      }
    }
  }

  private void storeGroup(List<Pending> group) throws SQLException {
    Map<Pending, Accepted> results = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      Transaction.inOne(c, tx -> {
        Map<String, Long> stored = existing(tx, group);
        List<Pending> fresh = new ArrayList<>();
        Map<String, Pending> firstOfKey = new HashMap<>();
        List<Pending> repeatsInGroup = new ArrayList<>();
        for (Pending p : group) {
          Optional<String> key = key(p.delivery());
          if (key.isPresent()) {
            Long id = stored.get(key.get());
            if (id != null) {
              results.put(p, new Accepted(id, true));
              continue;
            }
            if (firstOfKey.containsKey(key.get())) {
              repeatsInGroup.add(p);
              continue;
            }
            firstOfKey.put(key.get(), p);
          }
          fresh.add(p);
        }
        if (!fresh.isEmpty()) {
          if (postgres) insertAll(tx, fresh, results);
          else insert(tx, fresh, results);
        }
        for (Pending p : repeatsInGroup) results.put(p, new Accepted(results.get(firstOfKey.get(key(p.delivery()).get())).id(), true));
        return null;
      });
      groups++;
    }
    results.forEach((p, a) -> p.done().complete(a));
  }

  private static Optional<String> key(Delivery d) {
    return d.deliveryId().map(id -> d.instance() + "\n" + id);
  }

  /** The rows already stored for the group's delivery ids, by key: one query per instance in the group. */
  private static Map<String, Long> existing(Connection c, List<Pending> group) throws SQLException {
    Map<String, List<String>> idsByInstance = new HashMap<>();
    for (Pending p : group)
      p.delivery().deliveryId().ifPresent(id -> idsByInstance.computeIfAbsent(p.delivery().instance(), i -> new ArrayList<>()).add(id));
    Map<String, Long> stored = new HashMap<>();
    for (Map.Entry<String, List<String>> e : idsByInstance.entrySet()) {
      List<String> ids = e.getValue();
      String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
      try (PreparedStatement s = c.prepareStatement(
          "SELECT delivery_id, id FROM webhook_inbox WHERE instance = ? AND delivery_id IN (" + marks + ")")) {
        s.setString(1, e.getKey());
        for (int k = 0; k < ids.size(); k++) s.setString(k + 2, ids.get(k));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) stored.put(e.getKey() + "\n" + r.getString(1), r.getLong(2));
        }
      }
    }
    return stored;
  }

  /**
   * PostgreSQL: the group in one statement over arrays, which costs the database far less than a
   * batch of single-row inserts. The ids are handed out in the order of the rows, so the returned
   * ids sorted belong to the deliveries in their order.
   */
  private static void insertAll(Connection c, List<Pending> fresh, Map<Pending, Accepted> results) throws SQLException {
    int n = fresh.size();
    String[] instances = new String[n];
    String[] flows = new String[n];
    String[] deliveryIds = new String[n];
    String[] payloads = new String[n];
    for (int k = 0; k < n; k++) {
      Delivery d = fresh.get(k).delivery();
      instances[k] = d.instance();
      flows[k] = d.flow();
      deliveryIds[k] = d.deliveryId().orElse(null);
      payloads[k] = d.payload();
    }
    long[] ids = new long[n];
    try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_inbox (instance, flow, delivery_id, payload, received_at)"
        + " SELECT i, f, d, p, ? FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[]) WITH ORDINALITY AS t(i, f, d, p, n)"
        + " ORDER BY n RETURNING id")) {
      s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      s.setArray(2, c.createArrayOf("varchar", instances));
      s.setArray(3, c.createArrayOf("varchar", flows));
      s.setArray(4, c.createArrayOf("varchar", deliveryIds));
      s.setArray(5, c.createArrayOf("text", payloads));
      int k = 0;
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (k == n) throw new SQLException("the database gave more ids than rows inserted");
          ids[k++] = r.getLong(1);
        }
      }
      if (k != n) throw new SQLException("the database gave " + k + " ids for " + n + " rows inserted");
    }
    Arrays.sort(ids);
    for (int k = 0; k < n; k++) results.put(fresh.get(k), new Accepted(ids[k], false));
  }

  private static void insert(Connection c, List<Pending> fresh, Map<Pending, Accepted> results) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO webhook_inbox (instance, flow, delivery_id, payload, received_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
      for (Pending p : fresh) {
        s.setString(1, p.delivery().instance());
        s.setString(2, p.delivery().flow());
        s.setString(3, p.delivery().deliveryId().orElse(null));
        s.setString(4, p.delivery().payload());
        s.setObject(5, now);
        s.addBatch();
      }
      s.executeBatch();
      try (ResultSet keys = s.getGeneratedKeys()) {
        for (Pending p : fresh) {
          if (!keys.next()) throw new SQLException("the database gave fewer generated ids than rows inserted");
          results.put(p, new Accepted(keys.getLong(1), false));
        }
      }
    }
  }

  /** Stops intake, stores what is queued, and stops the writer. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
