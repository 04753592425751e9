package dev.weft.store;

import java.time.Instant;
import java.util.Optional;

/** A run as the history keeps it. */
public record RunRecord(
    String id,
    String integrationId,
    String specVersion,
    String instance,
    String flow,
    String trigger,
    RunStatus status,
    Counts counts,
    Instant startedAt,
    Optional<Instant> finishedAt,
    Optional<String> engineerError,
    Optional<String> userMessage) {}
