package dev.weft.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Error handling of a flow.
 *
 * @param message the user-facing message, a template with {@code {{field}}} and {@code {{error}}}
 */
public record ErrorPolicy(
    Retry retry, InvalidRecords invalidRecords, Optional<String> notifyWebhook, Optional<String> message) {

  public static final ErrorPolicy DEFAULT =
      new ErrorPolicy(Retry.DEFAULT, InvalidRecords.DEAD_LETTER, Optional.empty(), Optional.empty());

  /** Retries of transient failures: exponential backoff from {@code backoff} up to {@code maxBackoff}. */
  public record Retry(int attempts, Duration backoff, Duration maxBackoff) {
    public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  public enum InvalidRecords {
    DEAD_LETTER("dead-letter"),
    SKIP("skip"),
    FAIL("fail");

    private final String key;

    InvalidRecords(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<InvalidRecords> of(String key) {
      for (InvalidRecords i : values()) if (i.key.equals(key)) return Optional.of(i);
      return Optional.empty();
    }
  }
}
