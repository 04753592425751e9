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
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the inbox: claims rows not yet done ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, a
 * claim column on H2), runs each row's flow with its payload as the source, and marks the row done
 * only after the run committed. Rows claimed by a process that died are released on start.
 */
public final class InboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
  private static final int CLAIM = 20;

  private final DataSource dataSource;
  private final FlowRuns runs;
  private final boolean postgres;
  private final String me = "weft-" + UUID.randomUUID().toString().substring(0, 8);
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean open = true;

  public InboxWorker(DataSource dataSource, FlowRuns runs) {
    this.dataSource = dataSource;
    this.runs = runs;
    this.postgres = isPostgres(dataSource);
    releaseStaleClaims();
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
        while (open && !(rows = claim()).isEmpty()) rows.forEach(this::process);
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

  private List<Row> claim() {
    String pick = postgres
        ? "SELECT id FROM webhook_inbox WHERE done_at IS NULL AND claimed_by IS NULL ORDER BY id LIMIT " + CLAIM + " FOR UPDATE SKIP LOCKED"
        : "SELECT id FROM webhook_inbox WHERE done_at IS NULL AND claimed_by IS NULL ORDER BY id LIMIT " + CLAIM;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(pick); ResultSet r = s.executeQuery()) {
          while (r.next()) ids.add(r.getLong(1));
        }
        List<Row> rows = new ArrayList<>();
        // H2: the claimed_by IS NULL condition makes a claim that lost a race update nothing
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE webhook_inbox SET claimed_by = ?, claimed_at = ? WHERE id = ? AND claimed_by IS NULL");
            PreparedStatement q = c.prepareStatement("SELECT instance, flow, payload FROM webhook_inbox WHERE id = ?")) {
          for (long id : ids) {
            u.setString(1, me);
            u.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            u.setLong(3, id);
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

  /**
   * Rows claimed and never finished belong to a process that stopped: released so they run again.
   * (A single server per store; several servers need a claim lease, not done yet.)
   */
  private void releaseStaleClaims() {
    int released = Sql.with(dataSource, "release stale claims",
        "UPDATE webhook_inbox SET claimed_by = NULL, claimed_at = NULL WHERE done_at IS NULL AND claimed_by IS NOT NULL",
        PreparedStatement::executeUpdate);
    if (released > 0) log.info("{} webhook(s) left by a stopped process will be processed again", released);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new ServerStoreException("cannot reach the store", e);
    }
  }

  /** Stops claiming; the row in progress finishes first. */
  @Override
  public void close() {
    open = false;
    wake.release();
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
