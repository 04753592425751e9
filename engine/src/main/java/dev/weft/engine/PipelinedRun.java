package dev.weft.engine;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.Source;
import dev.weft.store.BatchCommit;
import dev.weft.store.Counts;
import dev.weft.store.NewDeadLetter;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One run's loop, in three threads joined by small bounded queues: a reader reads and maps
 * batches; a preparer has the sink {@linkplain Sink#prepare prepare} each (checking and encoding
 * its records); the writer (the caller's thread) writes each batch, then stores its checkpoint,
 * dead letters and counts in one transaction, in order. So reading, preparing and the target's
 * work on the batch before all overlap, and memory stays bounded by the queues. The source is only
 * ever called from one thread at a time: acknowledgements ({@link Source#committed}) are handed
 * back to the reader, and made by the writer once the reader ended.
 */
final class PipelinedRun {
  static final int QUEUE_BATCHES = 2;

  private sealed interface Item {}

  private record Next(MappedBatch batch) implements Item {}

  private record End() implements Item {}

  private record Stop(RunFailure failure, Throwable cause) implements Item {}

  record Settings(
      String runId, String instance, String flowId, int batchSize, OptionalLong volumeMax, boolean storeCheckpoints, long startNanos) {}

  record Outcome(Counts counts, Optional<String> lastPosition, boolean checkpointStored, Optional<RunFailure> failure) {}

  private final Source source;
  private final Sink sink;
  private final BatchMapper mapper;
  private final BatchWriter writer;
  private final Retries retries;
  private final Store store;
  private final Settings settings;
  private final FailureMessage failureMessage;
  private final ProgressListener listener;
  private final BlockingQueue<Item> mapped = new ArrayBlockingQueue<>(1);
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
  private final ConcurrentLinkedQueue<Checkpoint> toAcknowledge = new ConcurrentLinkedQueue<>();
  private final List<Checkpoint> heldUntilFinish = new ArrayList<>();

  private Counts total = Counts.ZERO;
  private Optional<String> lastPosition = Optional.empty();
  private Optional<Checkpoint> lastAfter = Optional.empty();
  private boolean checkpointStored;

  PipelinedRun(
      Source source, Sink sink, BatchMapper mapper, Retries retries, Store store, Settings settings,
      FailureMessage failureMessage, ProgressListener listener) {
    this.source = source;
    this.sink = sink;
    this.mapper = mapper;
    this.retries = retries;
    this.writer = new BatchWriter(sink, retries, mapper);
    this.store = store;
    this.settings = settings;
    this.failureMessage = failureMessage;
    this.listener = listener;
  }

  Outcome execute(Checkpoint from) {
    Thread reader = Thread.ofPlatform().name("weft-read-" + settings.flowId()).daemon().start(() -> readLoop(from));
    Thread preparer = Thread.ofPlatform().name("weft-prepare-" + settings.flowId()).daemon().start(this::prepareLoop);
    List<Thread> helpers = List.of(reader, preparer);
    try {
      while (true) {
        Item item = queue.take();
        if (item instanceof End) break;
        if (item instanceof Stop stop) throw new FlowFailed(stop.failure(), stop.cause());
        writeAndCommit(((Next) item).batch());
      }
      reader.join();
      preparer.join();
      retries.call(() -> {
        sink.finish();
        return null;
      });
      if (sink.commit() == Sink.Commit.AT_END && settings.storeCheckpoints() && lastAfter.isPresent()) {
        store.commitBatch(new BatchCommit(settings.runId(), settings.instance(), settings.flowId(),
            Optional.of(lastAfter.get().token()), List.of(), Counts.ZERO));
        checkpointStored = true;
      }
      toAcknowledge.addAll(heldUntilFinish);
      acknowledge();
      return new Outcome(total, lastPosition, checkpointStored, Optional.empty());
    } catch (FlowFailed e) {
      return stop(helpers, e.failure());
    } catch (ConnectorException e) {
      return stop(helpers, failureMessage.of(e.userMessage(), e.getMessage(), Map.of()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stop(helpers, failureMessage.of("the run was interrupted", "interrupted", Map.of()));
    } catch (RuntimeException e) {
      return stop(helpers, failureMessage.of(e.getMessage() == null ? e.toString() : e.getMessage(), e.toString(), Map.of()));
    }
  }

  private Outcome stop(List<Thread> helpers, RunFailure failure) {
    helpers.forEach(Thread::interrupt);
    queue.clear();
    mapped.clear();
    try {
      for (Thread helper : helpers) helper.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.abort();
    return new Outcome(total, lastPosition, checkpointStored, Optional.of(failure));
  }

  private void writeAndCommit(MappedBatch batch) throws ConnectorException, InterruptedException, FlowFailed {
    BatchWriter.Written written;
    try {
      written = writer.write(batch);
    } catch (ConnectorException e) {
      Map<String, Object> record = batch.toWrite().isEmpty() ? Map.of() : batch.toWrite().get(0).value();
      throw new FlowFailed(failureMessage.of(e.userMessage(), e.getMessage(), record), e);
    }
    Counts mapped = batch.counts();
    Counts counts = new Counts(mapped.read(), written.written(), mapped.deadLettered() + written.deadLetters().size(),
        mapped.filtered(), mapped.skipped() + written.skipped());
    List<NewDeadLetter> deadLetters = batch.deadLetters();
    if (!written.deadLetters().isEmpty()) {
      deadLetters = new ArrayList<>(deadLetters);
      deadLetters.addAll(written.deadLetters());
    }
    boolean perBatch = sink.commit() == Sink.Commit.PER_BATCH;
    Optional<String> checkpoint =
        settings.storeCheckpoints() && perBatch ? Optional.of(batch.after().token()) : Optional.empty();
    store.commitBatch(new BatchCommit(settings.runId(), settings.instance(), settings.flowId(), checkpoint, deadLetters, counts));
    checkpointStored |= checkpoint.isPresent();
    total = total.plus(counts);
    if (batch.lastPosition().isPresent()) lastPosition = batch.lastPosition();
    lastAfter = Optional.of(batch.after());
    if (perBatch) toAcknowledge.add(batch.after());
    else heldUntilFinish.add(batch.after());
    listener.progress(new Progress(total, Duration.ofNanos(System.nanoTime() - settings.startNanos())));
  }

  private void readLoop(Checkpoint from) {
    Checkpoint at = from;
    long read = 0;
    try {
      while (true) {
        acknowledge();
        Checkpoint next = at;
        Batch batch = retries.call(() -> source.read(next, settings.batchSize()));
        int size = batch.records().size();
        if (settings.volumeMax().isPresent() && read + size > settings.volumeMax().getAsLong()) {
          long max = settings.volumeMax().getAsLong();
          mapped.put(new Stop(failureMessage.of(
              "the run would move more than volume.max = " + max + " records; stopped before writing past it",
              "volume.max " + max + " exceeded after " + read + " records", Map.of()), null));
          return;
        }
        read += size;
        mapped.put(new Next(mapper.map(batch)));
        at = batch.after();
        // An empty batch that is not the last means the source is idle: a run ends there.
        if (batch.done() || size == 0) {
          mapped.put(new End());
          return;
        }
      }
    } catch (InterruptedException e) {
      // the writer stopped the run
    } catch (FlowFailed e) {
      offer(new Stop(e.failure(), e));
    } catch (ConnectorException e) {
      offer(new Stop(failureMessage.of(e.userMessage(), e.getMessage(), Map.of()), e));
    } catch (RuntimeException e) {
      offer(new Stop(failureMessage.of("reading the source failed: " + e.getMessage(), e.toString(), Map.of()), e));
    } catch (Error e) {
      // without a Stop the writer would wait on the queue for ever
      offer(new Stop(failureMessage.of("reading the source failed: " + e, e.toString(), Map.of()), e));
    }
  }

  /** Hands the reader's batches on to the writer, each prepared on the way; an End or Stop ends it. */
  private void prepareLoop() {
    try {
      while (true) {
        Item item = mapped.take();
        if (item instanceof Next next) prepareAhead(next.batch());
        queue.put(item);
        if (!(item instanceof Next)) return;
      }
    } catch (InterruptedException e) {
      // the writer stopped the run
    } catch (Error e) {
      // without a Stop the writer would wait on the queue for ever
      try {
        queue.put(new Stop(failureMessage.of("preparing records for the target failed: " + e, e.toString(), Map.of()), e));
      } catch (InterruptedException ignored) {
        // the writer already stopped the run
      }
    }
  }

  /** The sink checks and encodes the batch here, while the writer waits on the target for the batch before. */
  private void prepareAhead(MappedBatch batch) {
    if (batch.toWrite().isEmpty()) return;
    try {
      sink.prepare(batch.toWrite());
    } catch (RuntimeException e) {
      // only an optimisation: the write does the same work again and reports the failure there
    }
  }

  private void offer(Stop stop) {
    try {
      mapped.put(stop);
    } catch (InterruptedException ignored) {
      // the writer already stopped the run
    }
  }

  private void acknowledge() throws ConnectorException {
    Checkpoint c;
    while ((c = toAcknowledge.poll()) != null) source.committed(c);
  }
}
