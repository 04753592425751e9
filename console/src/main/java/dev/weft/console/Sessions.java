package dev.weft.console;

import dev.weft.server.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of the console: a random id in an HttpOnly cookie maps, in this server's memory,
 * to the caller its token named and a per-session CSRF token. The API token itself is never kept
 * or sent back. Sessions end after {@link #IDLE} without a request, at logout, or when the server
 * restarts (then people log in again).
 */
final class Sessions {
  static final Duration IDLE = Duration.ofHours(8);
  private static final int MAX_SESSIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  Session open(Caller caller) {
    if (byId.size() >= MAX_SESSIONS) evictIdle();
    Session session = new Session(randomId(), caller, randomId(), clock.instant());
    byId.put(session.id(), session);
    return session;
  }

  /** The live session with this id; touching it keeps it alive. */
  Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) return Optional.empty();
    Session session = byId.get(id);
    if (session == null) return Optional.empty();
    Instant now = clock.instant();
    if (session.lastSeen().plus(IDLE).isBefore(now)) {
      byId.remove(id);
      return Optional.empty();
    }
    session.touch(now);
    return Optional.of(session);
  }

  void close(String id) {
    if (id != null) byId.remove(id);
  }

  private void evictIdle() {
    Instant cutoff = clock.instant().minus(IDLE);
    byId.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
  }

  private static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
