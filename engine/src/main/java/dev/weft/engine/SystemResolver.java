package dev.weft.engine;

import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.Placeholder;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves {@code ${config.X}} (the instance's config, else the option's default), {@code
 * ${secret.X}} and {@code ${env.X}} in a system's URL, auth and options. Every missing value is
 * reported at once, by name; the secret values it resolved are remembered for the {@link Redactor}.
 */
final class SystemResolver {
  private final Spec spec;
  private final Map<String, Object> config;
  private final SecretResolver secrets;
  private final Function<String, Optional<String>> env;
  private final Set<String> resolvedSecrets = new HashSet<>();
  private final List<String> missing = new ArrayList<>();

  SystemResolver(Spec spec, Map<String, Object> config, SecretResolver secrets, Function<String, Optional<String>> env) {
    this.spec = spec;
    this.config = config;
    this.secrets = secrets;
    this.env = env;
  }

  /** The system with every placeholder replaced; {@link RunStartException} naming the missing ones. */
  SystemDef resolve(SystemDef system) throws RunStartException {
    missing.clear();
    SystemDef resolved =
        new SystemDef(
            system.id(),
            system.name(),
            system.ours(),
            system.connection(),
            text(system.url()),
            system.format(),
            auth(system.auth()),
            system.rateLimit(),
            options(system.options()));
    if (!missing.isEmpty())
      throw new RunStartException(
          "system " + system.id() + ": no value for " + String.join(", ", missing) + hint());
    return resolved;
  }

  /** Every secret and secret-typed config value resolved so far: never to be shown. */
  Redactor redactor() {
    return new Redactor(resolvedSecrets);
  }

  private String hint() {
    boolean secret = missing.stream().anyMatch(m -> m.startsWith("${secret."));
    boolean config = missing.stream().anyMatch(m -> m.startsWith("${config."));
    boolean envVar = missing.stream().anyMatch(m -> m.startsWith("${env."));
    List<String> hints = new ArrayList<>();
    if (config) hints.add("set config values with --config KEY=VALUE");
    if (secret) hints.add("secrets with --secret KEY=VALUE");
    if (envVar) hints.add("environment variables in the shell");
    return " (" + String.join("; ", hints) + ")";
  }

  private Auth auth(Auth auth) {
    return switch (auth) {
      case Auth.None n -> n;
      case Auth.ApiKey a -> new Auth.ApiKey(a.scope(), text(a.key()), a.header().map(this::text), a.query().map(this::text));
      case Auth.Basic b -> new Auth.Basic(b.scope(), text(b.username()), text(b.password()));
      case Auth.Bearer b -> new Auth.Bearer(b.scope(), text(b.token()));
      case Auth.OAuth2ClientCredentials o ->
          new Auth.OAuth2ClientCredentials(o.scope(), text(o.tokenUrl()), text(o.clientId()), text(o.clientSecret()), o.scopes());
      case Auth.OAuth2AuthorizationCode o ->
          new Auth.OAuth2AuthorizationCode(
              o.scope(), text(o.authorizeUrl()), text(o.tokenUrl()), text(o.clientId()), text(o.clientSecret()), o.scopes());
      case Auth.Password p -> new Auth.Password(p.scope(), text(p.username()), text(p.password()));
      case Auth.SshKey s -> new Auth.SshKey(s.scope(), text(s.username()), text(s.key()), s.passphrase().map(this::text));
    };
  }

  private Map<String, Object> options(Map<String, Object> options) {
    Map<String, Object> out = new LinkedHashMap<>();
    options.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  private Object value(Object value) {
    return switch (value) {
      case String s -> text(s);
      case Map<?, ?> m -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, value(v)));
        yield out;
      }
      case List<?> l -> l.stream().map(this::value).toList();
      case null -> null;
      default -> value;
    };
  }

  private String text(String text) {
    if (text == null) return null;
    return Placeholder.resolve(text, p -> valueOf(p).orElseGet(() -> {
      if (!missing.contains(p.toString())) missing.add(p.toString());
      return "";
    }));
  }

  private Optional<String> valueOf(Placeholder p) {
    return switch (p.kind()) {
      case CONFIG -> {
        Optional<ConfigOption> option = spec.configOption(p.name());
        Object value = config.containsKey(p.name()) ? config.get(p.name()) : option.flatMap(ConfigOption::defaultValue).orElse(null);
        Optional<String> text = Optional.ofNullable(value).map(SystemResolver::asText);
        if (option.map(o -> o.type() == ConfigOption.Type.SECRET).orElse(false)) text.ifPresent(resolvedSecrets::add);
        yield text;
      }
      case SECRET -> {
        Optional<String> secret = secrets.secret(p.name());
        secret.ifPresent(resolvedSecrets::add);
        yield secret;
      }
      case ENV -> env.apply(p.name());
    };
  }

  private static String asText(Object value) {
    if (value instanceof List<?> list) return String.join(",", list.stream().map(String::valueOf).toList());
    return String.valueOf(value);
  }
}
