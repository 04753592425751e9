package dev.weft.server;

import dev.weft.model.Spec;
import java.time.Instant;
import java.util.Optional;

/** One text of an integration's spec file, as loaded. {@code version}: the first 16 hex digits of its SHA-256. */
public record SpecVersion(String integrationId, String version, String fileName, Spec spec, Instant loadedAt, Optional<Approval> approval) {

  public record Approval(String by, Instant at) {}

  public boolean approved() {
    return approval.isPresent();
  }
}
