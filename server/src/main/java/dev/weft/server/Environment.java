package dev.weft.server;

import java.util.Optional;

/** Where an instance runs: production runs approved versions only. */
public enum Environment {
  PRODUCTION,
  TEST;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Environment> of(String key) {
    for (Environment e : values()) if (e.key().equals(key)) return Optional.of(e);
    return Optional.empty();
  }
}
