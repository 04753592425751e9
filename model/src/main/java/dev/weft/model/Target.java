package dev.weft.model;

import java.util.List;
import java.util.Optional;

/**
 * Where a one-way flow writes: a datastore {@code table} (with {@code write} and {@code key}), an
 * API {@code endpoint} (per record, or in arrays of {@code batch}), a {@code file} name template,
 * or a broker {@code topic}.
 */
public record Target(
    String system,
    Optional<String> table,
    Write write,
    List<String> key,
    Optional<Endpoint> endpoint,
    Optional<Integer> batch,
    Optional<String> file,
    Optional<String> topic) {

  public Target {
    key = List.copyOf(key);
  }

  public enum Write {
    /** At-least-once: a resumed run may insert a record again. */
    INSERT("insert"),
    /** Insert or update by key: exactly-once in effect across crashes. */
    UPSERT("upsert"),
    /** Update existing rows by key; rows that do not exist are dead-lettered. */
    UPDATE("update");

    private final String key;

    Write(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Write> of(String key) {
      for (Write w : values()) if (w.key.equals(key)) return Optional.of(w);
      return Optional.empty();
    }
  }
}
