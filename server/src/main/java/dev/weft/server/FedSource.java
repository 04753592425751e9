package dev.weft.server;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One event run's view of a subscription held open across runs: first the batch that started the
 * run, then whatever else arrives, until no message came for {@code quiet}, the run has lasted
 * {@code longest}, or {@code go} turns false (shutdown, lease lost). Acknowledgements go to the
 * subscription's source once the engine committed a batch; closing is left to the subscription.
 */
final class FedSource implements Source {
  private final Source subscription;
  private final Duration quiet;
  private final Duration longest;
  private final BooleanSupplier go;
  private final long started = System.nanoTime();
  private Batch first;
  private Checkpoint at;
  private long records;

  FedSource(Source subscription, Batch first, Duration quiet, Duration longest, BooleanSupplier go) {
    this.subscription = subscription;
    this.first = first;
    this.at = first.after();
    this.quiet = quiet;
    this.longest = longest;
    this.go = go;
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    if (first != null) {
      Batch b = first;
      first = null;
      records += b.records().size();
      return Batch.more(b.records(), b.after());
    }
    long quietSince = System.nanoTime();
    while (go.getAsBoolean() && System.nanoTime() - started < longest.toNanos()) {
      Batch b = subscription.read(at, maxRecords);
      if (!b.records().isEmpty()) {
        at = b.after();
        records += b.records().size();
        return Batch.more(b.records(), b.after());
      }
      if (System.nanoTime() - quietSince >= quiet.toNanos()) break;
    }
    return Batch.last(List.of(), at);
  }

  @Override
  public void committed(Checkpoint checkpoint) throws ConnectorException {
    subscription.committed(checkpoint);
  }

  /** Where the subscription goes on after this run. */
  Checkpoint at() {
    return at;
  }

  /** Records handed to the run. */
  long records() {
    return records;
  }
}
