package dev.weft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final Sessions sessions = new Sessions(clock);

  @Test
  void a_session_names_its_caller_and_has_its_own_random_id_and_csrf_token() {
    Session a = sessions.open(new Caller.Customer("acme"));
    Session b = sessions.open(new Caller.Admin());
    assertThat(sessions.find(a.id())).containsSame(a);
    assertThat(a.caller()).isEqualTo(new Caller.Customer("acme"));
    assertThat(a.id()).isNotEqualTo(b.id()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(a.csrf()).isNotEqualTo(a.id()).isNotEqualTo(b.csrf());
    assertThat(a.csrfMatches(a.csrf())).isTrue();
    assertThat(a.csrfMatches(b.csrf())).isFalse();
    assertThat(a.csrfMatches(null)).isFalse();
  }

  @Test
  void an_idle_session_ends_and_a_used_one_lives_on() {
    Session used = sessions.open(new Caller.Admin());
    Session idle = sessions.open(new Caller.Admin());
    clock.now = clock.now.plus(Sessions.IDLE).minusSeconds(60);
    assertThat(sessions.find(used.id())).isPresent();
    clock.now = clock.now.plusSeconds(120);
    assertThat(sessions.find(idle.id())).isEmpty();
    assertThat(sessions.find(used.id())).isPresent();
  }

  @Test
  void logging_out_ends_the_session_and_unknown_ids_find_nothing() {
    Session s = sessions.open(new Caller.Admin());
    sessions.close(s.id());
    assertThat(sessions.find(s.id())).isEmpty();
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void after_login_only_console_paths_are_followed() {
    assertThat(ConsoleAuth.safeNext("/console/runs?status=failed")).isEqualTo("/console/runs?status=failed");
    assertThat(ConsoleAuth.safeNext("https://elsewhere.example/")).isEmpty();
    assertThat(ConsoleAuth.safeNext("//elsewhere.example/console")).isEmpty();
    assertThat(ConsoleAuth.safeNext("/api/instances")).isEmpty();
    assertThat(ConsoleAuth.safeNext(null)).isEmpty();
  }
}
