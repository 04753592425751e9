package dev.weft.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the console's templates, compiled to classes at build time (no template compiler at run time). */
final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), "dev.weft.console");

  String render(String template, Object view) {
    StringOutput out = new StringOutput();
    engine.render(template, view, out);
    return out.toString();
  }

  void show(Context ctx, String template, Object view) {
    ctx.contentType("text/html; charset=utf-8").result(render(template, view));
  }

  void show(Context ctx, int status, String template, Object view) {
    ctx.status(status);
    show(ctx, template, view);
  }
}
