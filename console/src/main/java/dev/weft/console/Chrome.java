package dev.weft.console;

import java.util.Optional;

/**
 * What every console page shows around its content: the title, which section of the navigation
 * is current, who is logged in, the CSRF token for its forms, and a one-time notice.
 */
public record Chrome(String title, String section, boolean admin, String who, String csrf, Optional<Session.Notice> notice) {

  static Chrome of(Session session, String title, String section) {
    String who = switch (session.caller()) {
      case dev.weft.server.Caller.Admin a -> "Administrator";
      case dev.weft.server.Caller.Customer c -> "Customer " + c.customer();
    };
    return new Chrome(title, section, session.admin(), who, session.csrf(), session.takeNotice());
  }

  /** For pages shown before login. */
  static Chrome anonymous(String title) {
    return new Chrome(title, "", false, "", "", Optional.empty());
  }

  public boolean loggedIn() {
    return !who.isEmpty();
  }

  public boolean noticeOk() {
    return notice.map(Session.Notice::ok).orElse(true);
  }

  public String noticeText() {
    return notice.map(Session.Notice::text).orElse("");
  }
}
