package dev.weft.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conflict of a two-way sync to record: a pair changed on both sides since the last sync.
 *
 * @param aVersion side a's record as read; empty when side a had deleted it
 * @param bVersion side b's record as read; empty when side b had deleted it
 * @param winner {@code a} or {@code b}: whose version the run kept
 * @param outcome how it was settled, in words, e.g. {@code newest: b changed at 2026-11-28T10:02:00Z, after a}
 */
public record NewConflict(
    String aId, String bId, Optional<Map<String, Object>> aVersion, Optional<Map<String, Object>> bVersion, String winner,
    String outcome) {

  public NewConflict {
    Objects.requireNonNull(aId, "aId");
    Objects.requireNonNull(bId, "bId");
    Objects.requireNonNull(aVersion, "aVersion");
    Objects.requireNonNull(bVersion, "bVersion");
    if (!winner.equals("a") && !winner.equals("b")) throw new IllegalArgumentException("winner is a or b, got " + winner);
    Objects.requireNonNull(outcome, "outcome");
  }
}
