package dev.weft.connector;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The run a source or sink works for.
 *
 * @param workDir a folder the connector may use for temporary files of this run
 * @param grants the OAuth 2 tokens the instance's customer granted (none outside {@code weft serve})
 */
public record RunInfo(String runId, String integrationId, String instance, Instant startedAt, Path workDir, GrantedTokens grants) {

  public RunInfo {
    Objects.requireNonNull(grants, "grants");
  }

  /** A run without granted tokens. */
  public RunInfo(String runId, String integrationId, String instance, Instant startedAt, Path workDir) {
    this(runId, integrationId, instance, startedAt, workDir, GrantedTokens.none());
  }
}
