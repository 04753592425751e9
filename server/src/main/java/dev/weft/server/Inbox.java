package dev.weft.server;

import dev.weft.store.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private volatile boolean open = true;
  private volatile long groups;

  public Inbox(DataSource dataSource) {
    this.dataSource = dataSource;
    this.writer = Thread.ofPlatform().name("weft-inbox-writer").daemon(true).unstarted(this::write);
    writer.start();
  }

  /** Called after each committed group (wakes the worker). */
  public void onCommit(Runnable listener) {
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
        afterCommit.forEach(Runnable::run);
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
        List<Pending> fresh = new ArrayList<>();
        Map<String, Pending> firstOfKey = new HashMap<>();
        List<Pending> repeatsInGroup = new ArrayList<>();
        for (Pending p : group) {
          Optional<String> key = p.delivery().deliveryId().map(id -> p.delivery().instance() + "\n" + id);
          if (key.isPresent()) {
            Optional<Long> stored = existing(tx, p.delivery());
            if (stored.isPresent()) {
              results.put(p, new Accepted(stored.get(), true));
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
        if (!fresh.isEmpty()) insert(tx, fresh, results);
        for (Pending p : repeatsInGroup) {
          Pending first = firstOfKey.get(p.delivery().instance() + "\n" + p.delivery().deliveryId().get());
          results.put(p, new Accepted(results.get(first).id(), true));
        }
        return null;
      });
      groups++;
    }
    results.forEach((p, a) -> p.done().complete(a));
  }

  private static Optional<Long> existing(Connection c, Delivery d) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM webhook_inbox WHERE instance = ? AND delivery_id = ?")) {
      s.setString(1, d.instance());
      s.setString(2, d.deliveryId().get());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
      }
    }
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
