package dev.weft.engine;

import dev.weft.store.Counts;
import java.time.Duration;

/** How far a run is: its counts after the last committed batch and the time since it started. */
public record Progress(Counts counts, Duration elapsed) {

  /** Records read per second so far. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : counts.read() / seconds;
  }
}
