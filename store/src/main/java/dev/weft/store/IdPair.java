package dev.weft.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Two records of a two-way sync that are the same thing, one on each side, with the hash of each
 * side's record as of the last sync (seen through the mapping that reads it).
 */
public record IdPair(String aId, String bId, Optional<String> aHash, Optional<String> bHash) {
  public IdPair {
    Objects.requireNonNull(aId, "aId");
    Objects.requireNonNull(bId, "bId");
    Objects.requireNonNull(aHash, "aHash");
    Objects.requireNonNull(bHash, "bHash");
  }

  public static IdPair of(String aId, String bId, String aHash, String bHash) {
    return new IdPair(aId, bId, Optional.of(aHash), Optional.of(bHash));
  }
}
