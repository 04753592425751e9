package dev.weft.store;

import java.util.Objects;

/**
 * What a sync run did on one side: records read there, and the creates, updates and deletes it
 * made there. {@code unchanged}: records read there that needed no write (an echo of Weft's own
 * write, a change to fields the mapping does not read, the losing side of a conflict is not one).
 * {@code deadLettered}: records of this side that could not be mapped, and changes this side refused.
 */
public record SideCounts(String side, long read, long created, long updated, long deleted, long unchanged, long deadLettered) {

  public SideCounts {
    Objects.requireNonNull(side, "side");
  }

  public static SideCounts zero(String side) {
    return new SideCounts(side, 0, 0, 0, 0, 0, 0);
  }

  public SideCounts plus(SideCounts o) {
    return new SideCounts(side, read + o.read, created + o.created, updated + o.updated, deleted + o.deleted,
        unchanged + o.unchanged, deadLettered + o.deadLettered);
  }

  public long written() {
    return created + updated + deleted;
  }
}
