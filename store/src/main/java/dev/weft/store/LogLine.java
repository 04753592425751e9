package dev.weft.store;

import java.time.Instant;

/** One line of a run's log. {@code level}: INFO, WARN or ERROR. */
public record LogLine(Instant at, String level, String message) {}
