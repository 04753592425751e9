package dev.weft.server;

import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/tokens} (admin): create a token (its value shown once), list them without values, revoke one. */
final class TokenRoutes {
  private final Tokens tokens;

  TokenRoutes(Tokens tokens) {
    this.tokens = tokens;
  }

  void register(JavalinConfig c) {
    c.routes.post("/api/tokens", ctx -> {
      Api.admin(ctx);
      Map<String, Object> body = Api.body(ctx);
      boolean admin = Boolean.TRUE.equals(body.get("admin"));
      Object customer = body.get("customer");
      boolean hasCustomer = customer != null && !String.valueOf(customer).isBlank();
      if (admin == hasCustomer) throw Invalid.of("customer", "give a customer, or \"admin\": true for an admin token");
      Optional<String> name = Optional.ofNullable(body.get("name")).map(String::valueOf).filter(n -> !n.isBlank());
      if (name.isPresent() && name.get().length() > 200) throw Invalid.of("name", "must be at most 200 characters");
      Caller caller = admin ? new Caller.Admin() : new Caller.Customer(String.valueOf(customer));
      Tokens.Created created = tokens.create(caller, name);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", created.id());
      out.put("name", created.name());
      out.put("scope", admin ? "admin" : "customer");
      out.put("customer", admin ? null : String.valueOf(customer));
      out.put("token", created.token());
      Api.json(ctx, 201, out);
    });
    c.routes.get("/api/tokens", ctx -> {
      Api.admin(ctx);
      Api.json(ctx, 200, tokens.list().stream().map(TokenRoutes::view).toList());
    });
    c.routes.delete("/api/tokens/{id}", ctx -> {
      Api.admin(ctx);
      if (!tokens.revoke(ctx.pathParam("id"))) throw new Refused(404, "no token " + ctx.pathParam("id"));
      ctx.status(204);
    });
  }

  private static Map<String, Object> view(Tokens.Listed t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("name", t.name());
    out.put("scope", t.scope());
    out.put("customer", t.caller() instanceof Caller.Customer c ? c.customer() : null);
    out.put("created_at", t.createdAt().toString());
    out.put("last_used_at", t.lastUsedAt().map(Object::toString).orElse(null));
    return out;
  }
}
