package dev.weft.server;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named leases in the store ({@code weft_leases}), so that of several {@code weft serve} processes
 * on one store one holds a thing at a time (an event subscription). A holder renews what it holds
 * every third of the lease; a process that dies stops renewing and another takes the lease over
 * once it expired. Clocks of the processes are assumed to agree within a fraction of the lease.
 */
final class Leases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Leases.class);

  private final DataSource dataSource;
  private final String me;
  private final Duration length;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("weft-lease-renewer").daemon().factory());

  Leases(DataSource dataSource, String me, Duration length) {
    this.dataSource = dataSource;
    this.me = me;
    this.length = length;
    long every = Math.max(100, length.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
  }

  /** This process's name in leases and inbox claims. */
  String me() {
    return me;
  }

  Duration length() {
    return length;
  }

  /** Takes the lease when it is free or expired (or renews it when held); false when another process holds it. */
  boolean acquire(String name) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    int taken = Sql.with(dataSource, "take lease " + name,
        "UPDATE weft_leases SET holder = ?, expires_at = ? WHERE lease_name = ? AND (holder = ? OR expires_at < ?)", s -> {
          s.setString(1, me);
          s.setObject(2, now.plus(length));
          s.setString(3, name);
          s.setString(4, me);
          s.setObject(5, now);
          return s.executeUpdate();
        });
    if (taken == 0) taken = insert(name, now);
    if (taken > 0) held.add(name);
    else held.remove(name);
    return taken > 0;
  }

  private int insert(String name, OffsetDateTime now) {
    try {
      return Sql.with(dataSource, "take lease " + name, "INSERT INTO weft_leases (lease_name, holder, expires_at) VALUES (?, ?, ?)", s -> {
        s.setString(1, name);
        s.setString(2, me);
        s.setObject(3, now.plus(length));
        return s.executeUpdate();
      });
    } catch (ServerStoreException e) {
      if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) return 0;
      throw e;
    }
  }

  /** True while this process holds the lease (renewals kept succeeding). */
  boolean holds(String name) {
    return held.contains(name);
  }

  /** Gives the lease up at once, so another process need not wait for it to expire. */
  void release(String name) {
    held.remove(name);
    Sql.with(dataSource, "release lease " + name, "DELETE FROM weft_leases WHERE lease_name = ? AND holder = ?", s -> {
      s.setString(1, name);
      s.setString(2, me);
      return s.executeUpdate();
    });
  }

  private void renewAll() {
    for (String name : held) {
      try {
        if (!acquire(name)) log.warn("lease {} was taken over by another process; giving it up", name);
      } catch (RuntimeException e) {
        log.warn("cannot renew lease {}: {}", name, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
  }
}
