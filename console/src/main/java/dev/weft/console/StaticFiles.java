package dev.weft.console;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The console's bundled CSS and scripts, from the jar: nothing is fetched from elsewhere. */
final class StaticFiles {
  private static final Map<String, String> TYPES = Map.of(
      "console.css", "text/css; charset=utf-8",
      "console.js", "text/javascript; charset=utf-8",
      "htmx.min.js", "text/javascript; charset=utf-8");

  private StaticFiles() {}

  static void register(JavalinConfig c) {
    Map<String, byte[]> files = new java.util.HashMap<>();
    TYPES.keySet().forEach(name -> files.put(name, read(name)));
    c.routes.get("/console/static/{name}", ctx -> {
      String name = ctx.pathParam("name");
      byte[] body = files.get(name);
      if (body == null) {
        ctx.status(404).result("no such file");
        return;
      }
      ctx.contentType(TYPES.get(name)).header("Cache-Control", "public, max-age=3600").result(body);
    });
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
      if (in == null) throw new IllegalStateException(name + " is missing from the weft-console jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + " from the weft-console jar", e);
    }
  }
}
