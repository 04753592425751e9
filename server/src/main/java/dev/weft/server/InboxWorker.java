package dev.weft.server;

import dev.weft.engine.RunResult;
import dev.weft.engine.RunStartException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the inbox: claims rows not yet done ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, a
 * conditional update of the claim columns on H2), runs each row's flow with its payload as the
 * source, and marks the row done only after the run committed. A claim is a lease: renewed while
 * this process lives, taken over by any process once it is older than {@code lease} (a process
 * killed mid-run), released at once on a clean stop. A row run twice that way (the run committed,
 * the process died before marking it done) is written twice to an idempotent target: upsert and
 * update leave one row.
 */
public final class InboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
  private static final int CLAIM = 20;

  private final DataSource dataSource;
  private final FlowRuns runs;
  private final boolean postgres;
  private final String me;
  private final Duration lease;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("weft-inbox-claims").daemon().factory());
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean open = true;

  public InboxWorker(DataSource dataSource, FlowRuns runs, String me, Duration lease) {
    this.dataSource = dataSource;
    this.runs = runs;
    this.me = me;
    this.lease = lease;
    this.postgres = isPostgres(dataSource);
    long every = Math.max(100, lease.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renewClaims, every, every, TimeUnit.MILLISECONDS);
    this.thread = Thread.ofPlatform().name("weft-inbox-worker").daemon(true).unstarted(this::loop);
  }

  public void start() {
    thread.start();
  }

  public void wake() {
    wake.release();
  }

  /** Rows accepted and not processed yet. */
  public long pending() {
    return Sql.with(dataSource, "count the inbox", "SELECT COUNT(*) FROM webhook_inbox WHERE done_at IS NULL", s -> {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  private void loop() {
    while (open) {
      try {
        wake.tryAcquire(1, TimeUnit.SECONDS);
        wake.drainPermits();
        List<Row> rows;
        while (open && !(rows = claim()).isEmpty())
          for (Row row : rows) {
            if (!open) break; // the rest are released on close
            process(row);
          }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("the inbox worker failed: {}", e.toString());
      }
    }
  }

  private record Row(long id, String instance, String flow, String payload) {}

  private void process(Row row) {
    Optional<String> runId = Optional.empty();
    Path file = null;
    try {
      FlowRuns.Plan plan = runs.plan(row.instance(), row.flow());
      file = Files.createTempFile("weft-webhook-" + row.id(), ".json");
      Files.writeString(file, row.payload(), StandardCharsets.UTF_8);
      RunResult result = runs.runNow(plan, "webhook", Optional.of(file), true);
      runId = Optional.of(result.runId());
    } catch (Refused | RunStartException e) {
      log.warn("webhook {} of {}/{} not run: {}", row.id(), row.instance(), row.flow(), e.getMessage());
    } catch (IOException e) {
      log.error("webhook {}: cannot write its payload to a temporary file: {}", row.id(), e.getMessage());
      release(row.id());
      return;
    } finally {
      if (file != null) file.toFile().delete();
    }
    markDone(row.id(), runId);
  }

  private static final String FREE = "done_at IS NULL AND (claimed_by IS NULL OR claimed_at < ?)";

  private List<Row> claim() {
    String pick = "SELECT id FROM webhook_inbox WHERE " + FREE + " ORDER BY id LIMIT " + CLAIM + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime expired = now.minus(lease);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(pick)) {
          s.setObject(1, expired);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) ids.add(r.getLong(1));
          }
        }
        List<Row> rows = new ArrayList<>();
        // H2: the condition repeated makes a claim that lost a race update nothing
        try (PreparedStatement u = c.prepareStatement("UPDATE webhook_inbox SET claimed_by = ?, claimed_at = ? WHERE id = ? AND " + FREE);
            PreparedStatement q = c.prepareStatement("SELECT instance, flow, payload FROM webhook_inbox WHERE id = ?")) {
          for (long id : ids) {
            u.setString(1, me);
            u.setObject(2, now);
            u.setLong(3, id);
            u.setObject(4, expired);
            if (u.executeUpdate() == 0) continue;
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
              if (r.next()) rows.add(new Row(id, r.getString(1), r.getString(2), r.getString(3)));
            }
          }
        }
        c.commit();
        return rows;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ServerStoreException("cannot claim webhooks from the inbox", e);
    }
  }

  private void markDone(long id, Optional<String> runId) {
    Sql.with(dataSource, "mark webhook " + id + " done", "UPDATE webhook_inbox SET done_at = ?, run_id = ? WHERE id = ?", s -> {
      s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      s.setString(2, runId.orElse(null));
      s.setLong(3, id);
      return s.executeUpdate();
    });
  }

  private void release(long id) {
    Sql.with(dataSource, "release webhook " + id, "UPDATE webhook_inbox SET claimed_by = NULL WHERE id = ?", s -> {
      s.setLong(1, id);
      return s.executeUpdate();
    });
  }

  /** Keeps this process's claims alive while it works on them. */
  private void renewClaims() {
    try {
      Sql.with(dataSource, "renew inbox claims", "UPDATE webhook_inbox SET claimed_at = ? WHERE claimed_by = ? AND done_at IS NULL", s -> {
        s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
        s.setString(2, me);
        return s.executeUpdate();
      });
    } catch (RuntimeException e) {
      log.warn("cannot renew the inbox claims: {}", e.getMessage());
    }
  }

  /** Claims not worked on yet, given back at once so another process need not wait for them to expire. */
  private void releaseMine() {
    int released = Sql.with(dataSource, "release inbox claims",
        "UPDATE webhook_inbox SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ? AND done_at IS NULL", s -> {
          s.setString(1, me);
          return s.executeUpdate();
        });
    if (released > 0) log.info("{} claimed webhook(s) given back for another process or the next start", released);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new ServerStoreException("cannot reach the store", e);
    }
  }

  /** Stops claiming; the row in progress finishes first, the rows claimed and not started are given back. */
  @Override
  public void close() {
    open = false;
    wake.release();
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    renewer.shutdownNow();
    if (!thread.isAlive()) releaseMine();
  }
}
