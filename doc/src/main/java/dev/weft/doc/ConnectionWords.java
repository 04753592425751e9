package dev.weft.doc;

import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.Placeholder;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A connection's answers to the template: kind, auth method and scope, language, protocol. */
final class ConnectionWords {
  private ConnectionWords() {}

  /** "API at `https://…`": the connection point, with any password in the URL masked. */
  static Text point(SystemDef system) {
    return Text.builder().plain(system.connection().label() + " at ").code(SecretText.url(system.url())).build();
  }

  static Text authMethod(Auth auth) {
    Text.Builder b = Text.builder();
    switch (auth) {
      case Auth.None n -> b.plain("None (no authentication)");
      case Auth.ApiKey k -> {
        b.plain("API key in ");
        if (k.header().isPresent()) b.plain("header ").code(k.header().get());
        else b.plain("query parameter ").code(k.query().orElse("?"));
        b.plain(", value ").add(SecretText.of(k.key()));
      }
      case Auth.Basic basic -> b.plain("HTTP Basic (username and password): user ").add(user(basic.username()))
          .plain(", password ").add(SecretText.of(basic.password()));
      case Auth.Bearer bearer -> b.plain("Bearer token ").add(SecretText.of(bearer.token()));
      case Auth.OAuth2ClientCredentials o -> {
        b.plain("OAuth 2.0 client credentials: token URL ").code(SecretText.url(o.tokenUrl()))
            .plain(", client id ").add(user(o.clientId()))
            .plain(", client secret ").add(SecretText.of(o.clientSecret()));
        scopes(b, o.scopes());
      }
      case Auth.OAuth2AuthorizationCode o -> {
        b.plain("OAuth 2.0 authorization code, each customer signs in and Weft refreshes the token: authorize URL ")
            .code(SecretText.url(o.authorizeUrl()))
            .plain(", token URL ").code(SecretText.url(o.tokenUrl()))
            .plain(", client id ").add(user(o.clientId()))
            .plain(", client secret ").add(SecretText.of(o.clientSecret()));
        scopes(b, o.scopes());
      }
      case Auth.Password p -> b.plain("Username and password: user ").add(user(p.username()))
          .plain(", password ").add(SecretText.of(p.password()));
      case Auth.SshKey s -> {
        b.plain("SSH key: user ").add(user(s.username())).plain(", private key ").add(SecretText.of(s.key()));
        s.passphrase().ifPresent(p -> b.plain(", passphrase ").add(SecretText.of(p)));
      }
    }
    return b.build();
  }

  private static Text user(String name) {
    return name.isBlank() ? Text.missing() : Text.code(name);
  }

  private static void scopes(Text.Builder b, java.util.List<String> scopes) {
    if (scopes.isEmpty()) return;
    b.plain(", scopes ");
    for (int i = 0; i < scopes.size(); i++) {
      if (i > 0) b.plain(", ");
      b.code(scopes.get(i));
    }
  }

  static Text authScope(Auth auth) {
    return Text.plain(switch (auth.scope()) {
      case SYSTEM -> "A single set of credentials for a system user";
      case CUSTOMER -> "Each customer provides their own credentials";
    });
  }

  static Text transportLanguage(SystemDef system) {
    if (system.connection() == ConnectionKind.DATASTORE) return Text.plain("SQL rows");
    return system.format().map(f -> Text.plain(f.label())).orElseGet(Text::missing);
  }

  /**
   * The transfer protocol of a system whose URL may be set per customer: a URL that is one config
   * value ({@code ${config.crm_url}}) is said from that option's default, and says so.
   */
  static Text transferProtocol(Spec spec, SystemDef system) {
    Optional<String> key = urlOption(system);
    if (key.isEmpty()) return transferProtocol(system);
    if (defaultUrl(spec, key.get()).isEmpty()) return Text.builder().plain("Set by each customer's ").code(key.get()).build();
    return Text.builder().add(transferProtocol(byDefaultUrl(spec, system))).plain(" (the default of ").code(key.get())
        .plain("; each customer may set another)").build();
  }

  /** The system with a URL that is one config value replaced by that option's default, if it has one. */
  static SystemDef byDefaultUrl(Spec spec, SystemDef system) {
    return urlOption(system).flatMap(key -> defaultUrl(spec, key))
        .map(url -> new SystemDef(system.id(), system.name(), system.ours(), system.connection(), url, system.format(),
            system.auth(), system.rateLimit(), system.options()))
        .orElse(system);
  }

  /** The config option that is the whole URL, as in {@code url: "${config.crm_url}"}. */
  private static Optional<String> urlOption(SystemDef system) {
    String url = system.url().strip();
    List<Placeholder> found = Placeholder.findAll(url);
    if (found.size() != 1) return Optional.empty();
    Placeholder only = found.get(0);
    boolean whole = only.start() == 0 && only.end() == url.length();
    return whole && only.kind() == Placeholder.Kind.CONFIG ? Optional.of(only.name()) : Optional.empty();
  }

  private static Optional<String> defaultUrl(Spec spec, String key) {
    return spec.configOption(key).flatMap(ConfigOption::defaultValue).map(String::valueOf).filter(v -> !v.isBlank());
  }

  /** The transfer protocol, said from the URL's scheme. */
  static Text transferProtocol(SystemDef system) {
    String scheme = system.scheme();
    String words = switch (scheme) {
      case "https" -> "HTTPS";
      case "http" -> "HTTP";
      case "jdbc" -> jdbc(system);
      case "sftp" -> "SFTP over SSH";
      case "file" -> "Local filesystem";
      case "amqp" -> "AMQP 0-9-1";
      case "amqps" -> "AMQP 0-9-1 over TLS";
      case "mqtt", "tcp" -> "MQTT";
      case "mqtts", "ssl" -> "MQTT over TLS";
      case "nats" -> "NATS";
      case "tls" -> system.connection() == ConnectionKind.BROKER ? "NATS over TLS" : "TLS";
      case "" -> "";
      default -> scheme.toUpperCase(Locale.ROOT);
    };
    return words.isEmpty() ? Text.missing() : Text.plain(words);
  }

  private static String jdbc(SystemDef system) {
    String sub = system.jdbcSubprotocol().orElse("");
    String rest = system.url().toLowerCase(Locale.ROOT);
    return switch (sub) {
      case "postgresql" -> "PostgreSQL wire protocol over JDBC";
      case "mariadb", "mysql" -> "MariaDB/MySQL protocol over JDBC";
      case "h2" -> rest.startsWith("jdbc:h2:tcp:") || rest.startsWith("jdbc:h2:ssl:") ? "H2 TCP protocol over JDBC" : "H2 embedded over JDBC";
      case "sqlite" -> "SQLite embedded over JDBC";
      default -> sub.isEmpty() ? "JDBC" : sub + " over JDBC";
    };
  }

  /** "5 requests per second". */
  static Text rateLimit(SystemDef.RateLimit limit) {
    Duration per = limit.per();
    String unit = per.equals(Duration.ofSeconds(1)) ? "second" : per.equals(Duration.ofMinutes(1)) ? "minute" : Values.duration(per);
    return Text.plain(Values.count(limit.permits(), "request") + " per " + unit);
  }
}
