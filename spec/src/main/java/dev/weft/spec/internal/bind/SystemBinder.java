package dev.weft.spec.internal.bind;

import dev.weft.model.Auth;
import dev.weft.model.Auth.Scope;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.model.SystemDef.Format;
import java.util.Optional;

/** Binds one entry of {@code systems}. */
final class SystemBinder {
  private SystemBinder() {}

  static Optional<SystemDef> bind(String id, Nodes n) {
    Optional<ConnectionKind> kind = n.get("connection").text().flatMap(ConnectionKind::of);
    Optional<Auth> auth = auth(n.get("auth"));
    if (kind.isEmpty() || auth.isEmpty()) return Optional.empty();
    return Optional.of(new SystemDef(
        id,
        n.get("name").text(),
        n.get("ours").bool(false),
        kind.get(),
        n.get("url").text(""),
        n.get("format").text().flatMap(Format::of),
        auth.get(),
        n.get("rate_limit").text().flatMap(Values::rate),
        n.get("options").valueMap()));
  }

  static Optional<Auth> auth(Nodes a) {
    Scope scope = a.get("scope").text().flatMap(Scope::of).orElse(Scope.SYSTEM);
    String username = a.get("username").text("");
    String password = a.get("password").text("");
    String key = a.get("key").text("");
    String clientId = a.get("client_id").text("");
    String clientSecret = a.get("client_secret").text("");
    String tokenUrl = a.get("token_url").text("");
    var scopes = a.get("scopes").texts();
    return a.get("method").text().flatMap(method -> Optional.<Auth>ofNullable(switch (method) {
      case "none" -> new Auth.None(scope);
      case "api-key" -> new Auth.ApiKey(scope, key, a.get("header").text(), a.get("query").text());
      case "basic" -> new Auth.Basic(scope, username, password);
      case "bearer" -> new Auth.Bearer(scope, a.get("token").text(""));
      case "oauth2-client-credentials" -> new Auth.OAuth2ClientCredentials(scope, tokenUrl, clientId, clientSecret, scopes);
      case "oauth2-authorization-code" ->
          new Auth.OAuth2AuthorizationCode(scope, a.get("authorize_url").text(""), tokenUrl, clientId, clientSecret, scopes);
      case "password" -> new Auth.Password(scope, username, password);
      case "ssh-key" -> new Auth.SshKey(scope, username, key, a.get("passphrase").text());
      default -> null;
    }));
  }
}
