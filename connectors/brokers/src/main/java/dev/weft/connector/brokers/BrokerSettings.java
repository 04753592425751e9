package dev.weft.connector.brokers;

import dev.weft.connector.ConfigException;
import dev.weft.model.SystemDef;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code options} of a broker system, read once.
 *
 * @param idle a source stops when no message came for this long
 * @param exchange AMQP: the exchange a target publishes to ({@code ""} is the default exchange)
 * @param declare AMQP: declare a durable queue named by the topic
 * @param createStream NATS: create the stream (subjects = the topic) when none captures it
 * @param stream NATS: the stream name to use or create
 * @param clientId MQTT: the client id (default: stable per flow)
 * @param sessionExpiry MQTT: how long the broker keeps the session (and unacked messages)
 * @param ackWait NATS: how long before an unacked message is delivered again
 * @param confirmTimeout how long to wait for the broker to confirm a batch
 * @param prefetch AMQP: unacknowledged messages the broker may push ahead
 */
public record BrokerSettings(
    Duration idle,
    String exchange,
    boolean declare,
    boolean createStream,
    Optional<String> stream,
    Optional<String> clientId,
    Duration sessionExpiry,
    Duration ackWait,
    Duration confirmTimeout,
    int prefetch) {

  /** How long a batch that has messages waits for the next one. */
  public Duration gap() {
    Duration tenth = idle.dividedBy(10);
    return tenth.compareTo(Duration.ofMillis(100)) > 0 ? Duration.ofMillis(100) : tenth;
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  public static BrokerSettings of(SystemDef system) throws ConfigException {
    Map<String, Object> o = system.options();
    return new BrokerSettings(
        duration(o, "idle", Duration.ofSeconds(1)),
        text(o, "exchange").orElse(""),
        bool(o, "declare"),
        bool(o, "create_stream"),
        text(o, "stream"),
        text(o, "client_id"),
        duration(o, "session_expiry", Duration.ofDays(7)),
        duration(o, "ack_wait", Duration.ofSeconds(30)),
        duration(o, "confirm_timeout", Duration.ofSeconds(30)),
        count(o, "prefetch", 1000));
  }

  private static Optional<String> text(Map<String, Object> o, String key) {
    Object v = o.get(key);
    return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
  }

  private static boolean bool(Map<String, Object> o, String key) throws ConfigException {
    Object v = o.get(key);
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    String s = String.valueOf(v).trim();
    if (s.equalsIgnoreCase("true")) return true;
    if (s.equalsIgnoreCase("false")) return false;
    throw new ConfigException("options." + key + " must be true or false, not '" + s + "'");
  }

  private static int count(Map<String, Object> o, String key, int fallback) throws ConfigException {
    Object v = o.get(key);
    if (v == null) return fallback;
    try {
      int n = v instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(v).trim());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("options." + key + " must be a positive whole number, not '" + v + "'");
  }

  /** A number is seconds; text may say {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 7d}. */
  static Duration duration(Map<String, Object> o, String key, Duration fallback) throws ConfigException {
    Object v = o.get(key);
    if (v == null) return fallback;
    if (v instanceof Number n) return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    Matcher m = DURATION.matcher(String.valueOf(v).trim());
    if (!m.matches())
      throw new ConfigException("options." + key + " must be a duration such as 500ms, 2s or 5m, not '" + v + "'");
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
