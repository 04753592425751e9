package dev.weft.connector;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The run a source or sink works for.
 *
 * @param workDir a folder the connector may use for temporary files of this run
 */
public record RunInfo(String runId, String integrationId, String instance, Instant startedAt, Path workDir) {}
