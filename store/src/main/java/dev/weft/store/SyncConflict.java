package dev.weft.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A recorded conflict of a two-way sync (see {@link NewConflict}). */
public record SyncConflict(
    long id,
    String runId,
    String instance,
    String flow,
    String aId,
    String bId,
    Optional<Map<String, Object>> aVersion,
    Optional<Map<String, Object>> bVersion,
    String winner,
    String outcome,
    Instant at) {}
