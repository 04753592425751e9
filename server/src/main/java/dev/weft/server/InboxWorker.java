package dev.weft.server;

import dev.weft.engine.FlowSources;
import dev.weft.engine.RunRequest;
import dev.weft.engine.RunResult;
import dev.weft.engine.RunStartException;
import dev.weft.store.BatchCommit;
import dev.weft.store.Counts;
import dev.weft.store.NewDeadLetter;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the inbox in batches: for each instance and flow with pending webhooks it claims up to
 * {@link InboxTuning#batch()} of them (a lease, see {@link InboxClaims}) and runs the flow once on
 * all of them through {@link InboxSource}. Groups are worked on in parallel by a small pool, one
 * batch at a time per group.
 *
 * <p>A delivery is marked processed once the batch holding its records committed (the target's
 * commit, then the run's checkpoint-equivalent store commit with its dead letters and counts,
 * then the mark), so delivery is at least once: a process dying between the store commit and the
 * mark, or a run failing after some batches committed but before their acknowledgement, leaves
 * those deliveries pending, and they run again; upsert and update targets end with one row each.
 * A failed run (target down, config error) gives its deliveries not committed back with one
 * attempt more and a backoff; after the last attempt they are {@code failed}, kept and replayable.
 */
public final class InboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

  private final Store store;
  private final FlowRuns runs;
  private final InboxClaims claims;
  private final InboxTuning tuning;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("weft-inbox-claims").daemon().factory());
  private final ExecutorService pool;
  private final Set<InboxClaims.Group> busy = ConcurrentHashMap.newKeySet();
  /** Groups with rows committed since the dispatcher last looked (or that were busy then). */
  private final Set<InboxClaims.Group> arrived = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweep = new AtomicBoolean();
  private volatile long lastArrival = System.nanoTime();
  private final Semaphore wake = new Semaphore(0);
  private final Thread dispatcher;
  private volatile boolean open = true;

  public InboxWorker(Store store, FlowRuns runs, String me, Duration lease, InboxTuning tuning) {
    this.store = store;
    this.runs = runs;
    this.tuning = tuning;
    this.claims = new InboxClaims(store.dataSource(), me, lease);
    this.pool = Executors.newFixedThreadPool(tuning.workers(), Thread.ofPlatform().name("weft-inbox-", 1).daemon().factory());
    long every = Math.max(100, lease.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renewClaims, every, every, TimeUnit.MILLISECONDS);
    this.dispatcher = Thread.ofPlatform().name("weft-inbox-worker").daemon(true).unstarted(this::loop);
  }

  public void start() {
    dispatcher.start();
  }

  /** Rows may be due somewhere (a replay): look for work in the whole inbox now rather than within a second. */
  public void wake() {
    sweep.set(true);
    wake.release();
  }

  /** The inbox committed rows of these groups: work on them without searching the inbox. */
  void arrived(Collection<InboxClaims.Group> groups) {
    lastArrival = System.nanoTime();
    arrived.addAll(groups);
    wake.release();
  }

  /**
   * Dispatches the groups that got rows, and every second (or when woken) the groups the inbox
   * has due: rows of other processes whose lease ran out, retries whose time came. A group
   * already being worked on is kept for the next round, as its worker may have made its last
   * claim before the rows arrived; it wakes the dispatcher when it ends.
   */
  private void loop() {
    while (open) {
      try {
        boolean timedOut = !wake.tryAcquire(1, TimeUnit.SECONDS);
        wake.drainPermits();
        if (!open) return;
        Set<InboxClaims.Group> groups = new HashSet<>();
        for (Iterator<InboxClaims.Group> i = arrived.iterator(); i.hasNext();) {
          groups.add(i.next());
          i.remove();
        }
        if (timedOut || sweep.getAndSet(false)) groups.addAll(claims.due());
        for (InboxClaims.Group group : groups) {
          if (busy.add(group)) pool.execute(() -> work(group));
          else arrived.add(group);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("the inbox worker failed: {}", e.toString());
      }
    }
  }

  /**
   * Batch after batch of one group until it has nothing free and due. It first lets deliveries
   * gather for {@link InboxTuning#gather()}: a run per few webhooks would cost more in runs than
   * in records, and would take the CPU from the intake that answers them. While webhooks keep
   * arriving it rests after each batch ({@link InboxTuning#rest()}): the intake, whose senders
   * wait for the answer, comes first; the backlog of a burst is worked off at full speed after it.
   */
  private void work(InboxClaims.Group group) {
    try {
      Thread.sleep(tuning.gather());
      List<InboxClaims.Claimed> rows;
      while (open && !(rows = claims.claim(group, tuning.batch())).isEmpty()) {
        long start = System.nanoTime();
        process(group, rows);
        long took = System.nanoTime() - start;
        if (lastArrival - start > 0) Thread.sleep(Duration.ofNanos((long) (took * tuning.rest())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("the inbox worker failed on {}/{}: {}", group.instance(), group.flow(), e.toString());
    } finally {
      busy.remove(group);
      wake.release(); // rows that arrived while this group was busy
    }
  }

  private void process(InboxClaims.Group group, List<InboxClaims.Claimed> rows) {
    String runId = UUID.randomUUID().toString();
    InboxSource source = null;
    try {
      FlowRuns.Plan plan = runs.plan(group.instance(), group.flow());
      RunRequest request = runs.request(plan);
      source = new InboxSource(rows, (document, name) -> {
        try {
          return FlowSources.payloadRecords(request, document, name);
        } catch (RunStartException e) {
          throw new dev.weft.connector.ConfigException(e.getMessage(), e);
        }
      },
          (done, rejected) -> committed(group, runId, done, rejected));
      String name = "webhook inbox, " + rows.size() + (rows.size() == 1 ? " delivery" : " deliveries");
      RunResult result = runs.runDelivered(plan, "webhook", source, name, runId);
      if (result.succeeded()) {
        source.committedAll();
        return;
      }
      String error = result.failure().map(f -> f.userMessage()).orElse("the run failed");
      List<InboxClaims.Claimed> left = source.uncommitted();
      claims.failed(left, Optional.of(runId), error, tuning);
      log.warn("run {} of {}/{} failed; {} webhook(s) will be tried again or are failed after their last attempt: {}", runId,
          group.instance(), group.flow(), left.size(), error);
    } catch (Refused | RunStartException e) {
      List<InboxClaims.Claimed> left = source == null ? rows : source.uncommitted();
      claims.failed(left, Optional.empty(), e.getMessage(), tuning);
      log.warn("{} webhook(s) of {}/{} not run: {}", left.size(), group.instance(), group.flow(), e.getMessage());
    } catch (RuntimeException e) {
      // the store failed under us: the rows stay claimed until the lease runs out, then any process takes them
      log.error("{} webhook(s) of {}/{} left for a later attempt: {}", rows.size(), group.instance(), group.flow(), e.toString());
    }
  }

  /** Deliveries whose records the run committed: their dead letters (bodies without records) first, then the mark. */
  private void committed(InboxClaims.Group group, String runId, List<InboxClaims.Claimed> done, List<NewDeadLetter> rejected) {
    if (!rejected.isEmpty()) {
      int n = rejected.size();
      store.commitBatch(new BatchCommit(runId, group.instance(), group.flow(), Optional.empty(), rejected, new Counts(n, 0, n, 0, 0)));
    }
    claims.processed(done, runId);
  }

  private void renewClaims() {
    try {
      claims.renew();
    } catch (RuntimeException e) {
      log.warn("cannot renew the inbox claims: {}", e.getMessage());
    }
  }

  /** Stops claiming; runs in progress finish first, then the claims not worked on are given back. */
  @Override
  public void close() {
    open = false;
    wake.release();
    try {
      dispatcher.join(10_000);
      pool.shutdown();
      if (!pool.awaitTermination(60, TimeUnit.SECONDS)) log.warn("inbox runs still going after 60 s at shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    renewer.shutdownNow();
    if (pool.isTerminated()) {
      int released = claims.releaseAll();
      if (released > 0) log.info("{} claimed webhook(s) given back for another process or the next start", released);
    }
  }
}
