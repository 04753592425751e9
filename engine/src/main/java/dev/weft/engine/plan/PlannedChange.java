package dev.weft.engine.plan;

import java.util.List;

/**
 * One record a run would create, update or delete, named by its key or id in the target (a
 * create in a target without keys names the source position), with every field that changes.
 */
public record PlannedChange(Kind kind, String key, List<FieldChange> fields) {

  public PlannedChange {
    fields = List.copyOf(fields);
  }

  public enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  /** A field going from {@code before} to {@code after}; null stands for absent or SQL NULL. */
  public record FieldChange(String field, Object before, Object after) {}

  /** A record the run would not write: where it came from and why, in words. */
  public record Rejected(String position, String reason) {}
}
