package dev.weft.console;

import dev.weft.server.Refused;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers console pages that need a session: the handler gets the caller's session, and whatever
 * it refuses or fails with becomes an error page in words (never a stack trace).
 */
final class Routes {
  private static final Logger log = LoggerFactory.getLogger(Routes.class);

  interface Handler {
    void handle(Context ctx, Session session) throws Exception;
  }

  private final JavalinConfig config;
  private final Pages pages;

  Routes(JavalinConfig config, Pages pages) {
    this.config = config;
    this.pages = pages;
  }

  void get(String path, Handler handler) {
    config.routes.get(path, ctx -> run(ctx, handler));
  }

  void post(String path, Handler handler) {
    config.routes.post(path, ctx -> run(ctx, handler));
  }

  private void run(Context ctx, Handler handler) {
    Session session = ConsoleAuth.session(ctx);
    try {
      handler.handle(ctx, session);
    } catch (Refused e) {
      error(ctx, session, e.status(), e.getMessage());
    } catch (NotFound e) {
      error(ctx, session, 404, e.getMessage());
    } catch (Exception e) {
      log.error("console page {} failed", ctx.path(), e);
      error(ctx, session, 500, "This page could not be shown: " + e.getClass().getSimpleName()
          + ". The server log has the details.");
    }
  }

  private void error(Context ctx, Session session, int status, String message) {
    pages.show(ctx, status, "error.jte", new ErrorView(Chrome.of(session, "Not possible", ""), status, message));
  }

  /** The thing asked for does not exist, or the caller may not see it (answered alike). */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  public record ErrorView(Chrome chrome, int status, String message) {}
}
