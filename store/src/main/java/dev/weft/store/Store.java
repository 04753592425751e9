package dev.weft.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Weft's state in SQL: embedded H2 (a file under {@code ./.weft/} by default) or PostgreSQL. Opening
 * a store migrates its schema. On PostgreSQL the tables live in the schema named by the URL's
 * {@code currentSchema} parameter, {@code weft} when it has none; the schema is created when
 * missing, so tests isolate themselves with {@code ?currentSchema=some_test}.
 */
public final class Store implements AutoCloseable {

  /** The embedded default. {@code WRITE_DELAY=0}: a commit reaches the file before it returns. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./.weft/state;WRITE_DELAY=0";

  /** A sync commit storing this many pairs refreshes the id map's statistics afterwards. */
  private static final int MANY_PAIRS = 5_000;

  private final HikariDataSource dataSource;
  private final CheckpointStore checkpoints;
  private final RunHistory runs;
  private final DeadLetters deadLetters;
  private final IdMap idMap;
  private final SyncHistory syncHistory;

  private Store(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.checkpoints = new CheckpointStore(dataSource);
    this.runs = new RunHistory(dataSource);
    this.deadLetters = new DeadLetters(dataSource);
    this.idMap = new IdMap(dataSource);
    this.syncHistory = new SyncHistory(dataSource);
  }

  /** Opens the store at a JDBC URL and brings its schema up to date. */
  public static Store open(String url) {
    StateUrl state = StateUrl.parse(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(state.jdbcUrl());
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setPoolName("weft-store");
    config.setAutoCommit(true);
    state.schema().ifPresent(config::setSchema);
    config.setInitializationFailTimeout(-1);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the state store at " + state.redacted() + ": " + rootMessage(e), e);
    }
    try {
      migrate(dataSource, state.schema());
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("cannot open the state store at " + state.redacted() + ": " + rootMessage(e), e);
    }
    return new Store(dataSource);
  }

  private static void migrate(DataSource dataSource, Optional<String> schema) {
    // No placeholder replacement: migration text may mention ${config.X} and ${secret.X} in comments.
    // Out of order: each area owns a range of versions (sync V20-V29, server V30-...), so a store
    // already at V50 still takes a V21 added later.
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholderReplacement(false)
        .outOfOrder(true);
    schema.ifPresent(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
    flyway.load().migrate();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  public CheckpointStore checkpoints() {
    return checkpoints;
  }

  public RunHistory runs() {
    return runs;
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  /** The pairs of two-way sync flows. */
  public IdMap idMap() {
    return idMap;
  }

  /** Conflicts and per-side counts of two-way sync runs. */
  public SyncHistory syncHistory() {
    return syncHistory;
  }

  /**
   * Stores what a committed batch changed, in one transaction: the new checkpoint (when there is
   * one), the batch's dead letters and the run's counters. Either all of it is stored or none.
   */
  public void commitBatch(BatchCommit commit) {
    try (Connection c = dataSource.getConnection()) {
      Transaction.inOne(c, tx -> {
        commit.checkpoint().ifPresent(token -> checkpoints.put(tx, commit.instance(), commit.flow(), token));
        deadLetters.add(tx, commit.runId(), commit.instance(), commit.flow(), commit.deadLetters());
        runs.addCounts(tx, commit.runId(), commit.counts());
        return null;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot store the batch of run " + commit.runId(), e);
    }
  }

  /**
   * Stores what a committed page of a sync run changed, in one transaction: its pairs, the pairs
   * that end, its conflicts, dead letters and counts, and (in the run's last commit) the watermarks.
   */
  public void commitSync(SyncCommit commit) {
    try (Connection c = dataSource.getConnection()) {
      Transaction.inOne(c, tx -> {
        idMap.removeByA(tx, commit.instance(), commit.flow(), commit.forget());
        idMap.put(tx, commit.instance(), commit.flow(), commit.pairs());
        syncHistory.addConflicts(tx, commit.runId(), commit.instance(), commit.flow(), commit.conflicts());
        deadLetters.add(tx, commit.runId(), commit.instance(), commit.flow(), commit.deadLetters());
        syncHistory.addSide(tx, commit.runId(), "a", commit.a());
        syncHistory.addSide(tx, commit.runId(), "b", commit.b());
        runs.addCounts(tx, commit.runId(), commit.counts());
        commit.checkpoint().ifPresent(token -> checkpoints.put(tx, commit.instance(), commit.flow(), token));
        return null;
      });
      if (commit.pairs().size() >= MANY_PAIRS) idMap.refreshStatistics(c);
    } catch (SQLException e) {
      throw new StoreException("cannot store the sync changes of run " + commit.runId(), e);
    }
  }

  /** For tests and tools that read the tables directly. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
