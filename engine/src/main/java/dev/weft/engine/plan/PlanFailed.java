package dev.weft.engine.plan;

/** A run would fail before writing (volume.max exceeded, an invalid record with invalid_records: fail): why, in words. */
public final class PlanFailed extends Exception {
  public PlanFailed(String message) {
    super(message);
  }
}
