package dev.weft.console;

import dev.weft.server.Caller;
import dev.weft.server.Tokens;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Logging in with an API token (admin or customer), the session cookie, and the checks every
 * console request passes: a live session, and for POSTs the same origin and the session's CSRF token.
 */
final class ConsoleAuth {
  static final String COOKIE = "weft_console";
  private static final String SESSION = "weft.console.session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final Sessions sessions;
  private final Tokens tokens;
  private final Pages pages;

  ConsoleAuth(Sessions sessions, Tokens tokens, Pages pages) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.pages = pages;
  }

  void register(JavalinConfig c) {
    c.routes.before("/console", this::guard);
    c.routes.before("/console/*", this::guard);
    c.routes.get("/console/login", ctx -> loginPage(ctx, 200, ""));
    c.routes.post("/console/login", this::login);
    c.routes.post("/console/logout", ctx -> {
      sessions.close(ctx.cookie(COOKIE));
      ctx.header("Set-Cookie", COOKIE + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict");
      ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
    });
  }

  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
        + " script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    String path = ctx.path();
    if (path.startsWith("/console/static/")) return;
    ctx.header("Cache-Control", "no-store");
    if (ctx.method().name().equals("POST") && !sameOrigin(ctx)) {
      refuse(ctx, 403, "This form was sent from another site; open the console and send it again.");
      return;
    }
    if (path.equals("/console/login") || path.equals("/console/logout")) return;
    Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      if (ctx.method().name().equals("GET") && ctx.header("HX-Request") == null) {
        String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
        ctx.redirect("/console/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
      } else {
        refuse(ctx, 401, "Your session has ended; log in again.");
      }
      return;
    }
    if (ctx.method().name().equals("POST")) {
      String given = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
      if (!session.get().csrfMatches(given)) {
        refuse(ctx, 403, "This form has expired; reload the page and send it again.");
        return;
      }
    }
    ctx.attribute(SESSION, session.get());
  }

  /** A browser sends Origin with every POST; when it does, it must be this server. */
  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null")) return origin == null;
    try {
      URI o = URI.create(origin);
      String host = ctx.host();
      return host != null && (o.getAuthority() != null && o.getAuthority().equalsIgnoreCase(host));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void refuse(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/html; charset=utf-8")
        .result(pages.render("error.jte", new Routes.ErrorView(Chrome.anonymous("Not possible"), status, message)));
    ctx.skipRemainingHandlers();
  }

  private void loginPage(Context ctx, int status, String error) {
    pages.show(ctx, status, "login.jte", new LoginView(Chrome.anonymous("Log in"),
        safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")), error));
  }

  private void login(Context ctx) {
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
    if (token.isEmpty()) {
      loginPage(ctx, 422, "Enter your API token.");
      return;
    }
    Optional<Caller> caller = tokens.find(token);
    if (caller.isEmpty()) {
      loginPage(ctx, 401, "This token is not known to this server.");
      return;
    }
    Session session = sessions.open(caller.get());
    String secure = "https".equals(ctx.scheme()) ? "; Secure" : "";
    ctx.header("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/console; HttpOnly; SameSite=Strict" + secure);
    String next = safeNext(ctx.formParam("next"));
    ctx.redirect(next.isEmpty() ? "/console" : next, HttpStatus.SEE_OTHER);
  }

  /** Only a path inside the console, so a login link cannot send people elsewhere. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\")) return "";
    return next;
  }

  static Session session(Context ctx) {
    Session session = ctx.attribute(SESSION);
    if (session == null) throw new IllegalStateException("console page without a session: " + ctx.path());
    return session;
  }

  public record LoginView(Chrome chrome, String next, String error) {}
}
