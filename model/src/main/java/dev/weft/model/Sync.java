package dev.weft.model;

import java.util.List;
import java.util.Optional;

/**
 * A two-way sync between side {@code a} and side {@code b}: records are paired by {@code match}
 * on the first run and by an id map afterwards; each direction has its own mapping.
 */
public record Sync(
    Side a,
    Side b,
    Optional<Match> match,
    List<MapRow> aToB,
    List<MapRow> bToA,
    Conflict conflict,
    Deletes deletes)
    implements Flow.Body {

  public Sync {
    aToB = List.copyOf(aToB);
    bToA = List.copyOf(bToA);
  }

  /**
   * One side of a sync. APIs use {@code endpoint} (REST conventions, overridable with
   * {@code create}, {@code update}, {@code delete}); datastores use {@code table}.
   *
   * @param updated the updated-at field, absent when the side has none (full scan with hashes)
   */
  public record Side(
      String system,
      Optional<String> endpoint,
      Optional<String> table,
      String id,
      Optional<String> updated,
      Optional<String> records,
      Optional<Endpoint> create,
      Optional<Endpoint> update,
      Optional<Endpoint> delete) {}

  /** The field on side a and the field on side b that pair records (normalised, case-insensitive). */
  public record Match(String aField, String bField) {}

  public enum Conflict {
    NEWEST("newest"),
    PREFER_A("prefer-a"),
    PREFER_B("prefer-b");

    private final String key;

    Conflict(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Conflict> of(String key) {
      for (Conflict c : values()) if (c.key.equals(key)) return Optional.of(c);
      return Optional.empty();
    }
  }

  public enum Deletes {
    IGNORE("ignore"),
    PROPAGATE("propagate");

    private final String key;

    Deletes(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Deletes> of(String key) {
      for (Deletes d : values()) if (d.key.equals(key)) return Optional.of(d);
      return Optional.empty();
    }
  }
}
