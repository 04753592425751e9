package dev.weft.spec.internal.check;

import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.spec.internal.bind.Nodes;
import dev.weft.spec.internal.format.AuthMethods;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** URL schemes and auth methods that fit the connection kind, and the keys of each auth method. */
final class SystemChecks {
  private SystemChecks() {}

  private static final Map<ConnectionKind, List<String>> SCHEMES = Map.of(
      ConnectionKind.API, List.of("http", "https"),
      ConnectionKind.DATASTORE, List.of("jdbc"),
      ConnectionKind.FILESYSTEM, List.of("file", "sftp"),
      ConnectionKind.BROKER, List.of("amqp", "amqps", "mqtt", "mqtts", "nats"));

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
    Optional<AuthMethods.Method> declared = auth.get("method").text().flatMap(AuthMethods::of);
    if (declared.isEmpty()) return; // reported by the structure check
    AuthMethods.Method method = declared.get();
    system.get("connection").text().flatMap(ConnectionKind::of).ifPresent(kind -> {
      if (!method.kinds().contains(kind)) {
        c.problems().error(path + ".auth.method", "auth method '" + method.name() + "' does not fit " + Context.article(kind)
            + " connection: use one of " + String.join(", ", AuthMethods.fitting(kind)));
      }
    });
    Map<String, Nodes> given = auth.entries();
    for (String key : method.required()) {
      if (!given.containsKey(key)) c.problems().error(path + ".auth", "auth method '" + method.name() + "' needs '" + key + "'");
    }
    for (var e : given.entrySet()) {
      String key = e.getKey();
      String keyPath = path + ".auth." + key;
      if (key.equals("method") || key.equals("scope")) continue;
      if (!method.allows(key)) {
        c.problems().error(keyPath, "'" + key + "' does not apply to auth method '" + method.name() + "'");
      } else if (SECRETS.contains(key)) {
        e.getValue().text().filter(v -> !v.isEmpty() && !v.contains("${")).ifPresent(v -> c.problems().warning(keyPath,
            "a literal " + key + " is written in the spec; prefer ${secret.NAME} or ${config.NAME}"));
      }
    }
    if (method.name().equals("api-key") && given.containsKey("header") == given.containsKey("query")) {
      c.problems().error(path + ".auth", "auth method 'api-key' needs exactly one of 'header' or 'query'");
    }
  }
}
