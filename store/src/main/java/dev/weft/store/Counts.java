package dev.weft.store;

/**
 * Record counts of a run or a batch. They reconcile: {@code read = written + deadLettered +
 * filtered + skipped} ({@code skipped} only grows with {@code invalid_records: skip}).
 */
public record Counts(long read, long written, long deadLettered, long filtered, long skipped) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

  public Counts plus(Counts other) {
    return new Counts(
        read + other.read,
        written + other.written,
        deadLettered + other.deadLettered,
        filtered + other.filtered,
        skipped + other.skipped);
  }

  public boolean reconciles() {
    return read == written + deadLettered + filtered + skipped;
  }
}
