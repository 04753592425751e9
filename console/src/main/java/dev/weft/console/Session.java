package dev.weft.console;

import dev.weft.server.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** One logged-in browser: who it is, its CSRF token, and a message to show on the next page. */
final class Session {
  private final String id;
  private final Caller caller;
  private final String csrf;
  private volatile Instant lastSeen;
  private final AtomicReference<Notice> notice = new AtomicReference<>();

  Session(String id, Caller caller, String csrf, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.caller = Objects.requireNonNull(caller);
    this.csrf = Objects.requireNonNull(csrf);
    this.lastSeen = now;
  }

  String id() {
    return id;
  }

  Caller caller() {
    return caller;
  }

  String csrf() {
    return csrf;
  }

  boolean admin() {
    return caller instanceof Caller.Admin;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void touch(Instant now) {
    lastSeen = now;
  }

  /** True when a form or htmx request carried this session's CSRF token. */
  boolean csrfMatches(String given) {
    return given != null
        && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  void tell(Notice n) {
    notice.set(n);
  }

  Optional<Notice> takeNotice() {
    return Optional.ofNullable(notice.getAndSet(null));
  }

  /** A one-time message after an action: {@code ok} false for a refusal. */
  record Notice(boolean ok, String text) {}
}
