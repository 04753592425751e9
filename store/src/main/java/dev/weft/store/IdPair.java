package dev.weft.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Two records of a two-way sync that are the same thing, one on each side, with each side's
 * record as of the last sync seen through the mapping that reads it: its hash, and the view itself
 * as canonical JSON (empty for pairs stored before views were kept, and in {@link IdMap#forEach}).
 */
public record IdPair(
    String aId, String bId, Optional<String> aHash, Optional<String> bHash, Optional<String> aView, Optional<String> bView) {
  public IdPair {
    Objects.requireNonNull(aId, "aId");
    Objects.requireNonNull(bId, "bId");
    Objects.requireNonNull(aHash, "aHash");
    Objects.requireNonNull(bHash, "bHash");
    Objects.requireNonNull(aView, "aView");
    Objects.requireNonNull(bView, "bView");
  }

  public IdPair(String aId, String bId, Optional<String> aHash, Optional<String> bHash) {
    this(aId, bId, aHash, bHash, Optional.empty(), Optional.empty());
  }

  public static IdPair of(String aId, String bId, String aHash, String bHash) {
    return new IdPair(aId, bId, Optional.of(aHash), Optional.of(bHash));
  }

  public static IdPair of(String aId, String bId, String aHash, String bHash, String aView, String bView) {
    return new IdPair(aId, bId, Optional.of(aHash), Optional.of(bHash), Optional.of(aView), Optional.of(bView));
  }
}
