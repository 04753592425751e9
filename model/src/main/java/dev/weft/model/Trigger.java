package dev.weft.model;

import java.time.Duration;
import java.util.Optional;

/** What starts a flow. A flow may have several (schedule, webhook and manual, say). */
public sealed interface Trigger {

  /** A time-based trigger: {@code every 15 minutes} or a 5-field Unix cron. */
  sealed interface Schedule extends Trigger {}

  record Every(Duration interval) implements Schedule {}

  record Cron(String expression, Optional<String> zone) implements Schedule {}

  /**
   * A webhook at {@code /hooks/{instance}/{path}}. {@code records} says where the records are in
   * the payload (absent: the payload is one record, or an array of records).
   */
  record Webhook(String path, Optional<Verify> verify, Optional<String> records)
      implements Trigger {}

  /** Signature verification of a webhook. */
  record Verify(Scheme scheme, Optional<String> header, String secret, Optional<Duration> tolerance) {
    public enum Scheme {
      /** Generic HMAC with SHA-256 over the body, hex or base64, in {@code header}. */
      HMAC_SHA256("sha256"),
      HMAC_SHA1("sha1"),
      /** GitHub: {@code X-Hub-Signature-256: sha256=<hex>}. */
      GITHUB("github"),
      /** Stripe: {@code Stripe-Signature: t=..,v1=..} with a timestamp tolerance. */
      STRIPE("stripe");

      private final String key;

      Scheme(String key) {
        this.key = key;
      }

      public String key() {
        return key;
      }

      public static Optional<Scheme> of(String key) {
        for (Scheme s : values()) if (s.key.equals(key)) return Optional.of(s);
        return Optional.empty();
      }
    }
  }

  record Manual() implements Trigger {}

  /** A message on a broker: an AMQP queue, an MQTT topic or a NATS subject. */
  record Event(String system, String topic) implements Trigger {}
}
