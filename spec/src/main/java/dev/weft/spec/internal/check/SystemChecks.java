package dev.weft.spec.internal.check;

import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.spec.internal.bind.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** URL schemes and auth methods that fit the connection kind, and the keys of each auth method. */
final class SystemChecks {
  private SystemChecks() {}

  private static final Map<ConnectionKind, List<String>> SCHEMES = Map.of(
      ConnectionKind.API, List.of("http", "https"),
      ConnectionKind.DATASTORE, List.of("jdbc"),
      ConnectionKind.FILESYSTEM, List.of("file", "sftp"),
      ConnectionKind.BROKER, List.of("amqp", "amqps", "mqtt", "mqtts", "nats"));

  private static final Map<ConnectionKind, List<String>> METHODS = Map.of(
      ConnectionKind.API, List.of("none", "api-key", "basic", "bearer", "oauth2-client-credentials", "oauth2-authorization-code"),
      ConnectionKind.DATASTORE, List.of("none", "password"),
      ConnectionKind.FILESYSTEM, List.of("none", "password", "ssh-key"),
      ConnectionKind.BROKER, List.of("none", "password", "bearer"));

  /** Per method: the keys it requires, then the keys it may have. */
  private static final Map<String, List<List<String>>> KEYS = Map.of(
      "none", List.of(List.of(), List.of()),
      "api-key", List.of(List.of("key"), List.of("header", "query")),
      "basic", List.of(List.of("username", "password"), List.of()),
      "bearer", List.of(List.of("token"), List.of()),
      "oauth2-client-credentials", List.of(List.of("token_url", "client_id", "client_secret"), List.of("scopes")),
      "oauth2-authorization-code", List.of(List.of("authorize_url", "token_url", "client_id", "client_secret"), List.of("scopes")),
      "password", List.of(List.of("username", "password"), List.of()),
      "ssh-key", List.of(List.of("username", "key"), List.of("passphrase")));

  private static final Set<String> SECRETS = Set.of("password", "token", "key", "client_secret", "passphrase");

  static void run(Context c) {
    c.nodes().get("systems").entries().forEach((id, n) -> {
      String path = "systems." + id;
      c.spec().system(id).ifPresent(s -> url(c, s, path + ".url"));
      auth(c, n, path);
    });
  }

  private static void url(Context c, SystemDef s, String path) {
    if (s.url().isEmpty() || s.url().startsWith("${")) return; // set per instance
    List<String> fit = SCHEMES.get(s.connection());
    if (!fit.contains(s.scheme())) {
      c.problems().error(path, "url '" + s.url() + "' does not fit " + Context.article(s.connection())
          + " connection: use a URL starting " + String.join(", ", fit.stream().map(x -> x + ":").toList()));
    }
  }

  private static void auth(Context c, Nodes system, String path) {
    Nodes auth = system.get("auth");
    String method = auth.get("method").text().orElse("");
    if (!KEYS.containsKey(method)) return; // reported by the structure check
    system.get("connection").text().flatMap(ConnectionKind::of).ifPresent(kind -> {
      if (!METHODS.get(kind).contains(method)) {
        c.problems().error(path + ".auth.method", "auth method '" + method + "' does not fit " + Context.article(kind)
            + " connection: use one of " + String.join(", ", METHODS.get(kind)));
      }
    });
    List<String> required = KEYS.get(method).get(0);
    List<String> optional = KEYS.get(method).get(1);
    Map<String, Nodes> given = auth.entries();
    for (String key : required) {
      if (!given.containsKey(key)) c.problems().error(path + ".auth", "auth method '" + method + "' needs '" + key + "'");
    }
    for (var e : given.entrySet()) {
      String key = e.getKey();
      String keyPath = path + ".auth." + key;
      if (key.equals("method") || key.equals("scope")) continue;
      if (!required.contains(key) && !optional.contains(key)) {
        c.problems().error(keyPath, "'" + key + "' does not apply to auth method '" + method + "'");
      } else if (SECRETS.contains(key)) {
        e.getValue().text().filter(v -> !v.isEmpty() && !v.contains("${")).ifPresent(v -> c.problems().warning(keyPath,
            "a literal " + key + " is written in the spec; prefer ${secret.NAME} or ${config.NAME}"));
      }
    }
    if (method.equals("api-key") && given.containsKey("header") == given.containsKey("query")) {
      c.problems().error(path + ".auth", "auth method 'api-key' needs exactly one of 'header' or 'query'");
    }
  }
}
