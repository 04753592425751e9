package dev.weft.console;

import dev.weft.server.ServerExtension;
import dev.weft.server.ServerServices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.time.Clock;

/**
 * The web console under {@code /console}, served by {@code weft serve} on the API's port. Pages are
 * rendered on the server; the only script is the bundled htmx (for live run progress) and a few
 * lines for copying webhook URLs.
 */
public final class ConsoleExtension implements ServerExtension {

  @Override
  public void register(JavalinConfig c, ServerServices services) {
    Pages pages = new Pages();
    Sessions sessions = new Sessions(Clock.systemUTC());
    new ConsoleAuth(sessions, services.tokens(), pages).register(c);
    StaticFiles.register(c);
    c.routes.get("/", ctx -> ctx.redirect("/console", HttpStatus.SEE_OTHER));
    Routes routes = new Routes(c, pages);
    routes.get("/console", (ctx, session) ->
        ctx.redirect(session.admin() ? "/console/integrations" : "/console/home", HttpStatus.SEE_OTHER));
    RunSearch runSearch = new RunSearch(services.store().dataSource());
    new IntegrationPages(services, pages).register(routes);
    new InstancePages(services, pages, runSearch).register(routes);
    new RunPages(services, pages, runSearch).register(routes);
    new DeadLetterPages(services, pages).register(routes);
    new PlanPage(services, pages).register(routes);
  }
}
