package dev.weft.store;

/** Where a run is. A run killed with its process stays {@link #RUNNING} in the history. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
