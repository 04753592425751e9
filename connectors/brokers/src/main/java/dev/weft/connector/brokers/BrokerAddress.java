package dev.weft.connector.brokers;

import dev.weft.connector.ConfigException;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a broker is and who Weft is there: host, port, TLS, path (the AMQP virtual host) and the
 * credentials from {@code auth: password} or, failing that, from the URL. {@link #toString} never
 * shows the password.
 */
public record BrokerAddress(
    String scheme, String host, int port, boolean tls, String path, Optional<String> username, Optional<String> password) {

  private static final java.util.Set<String> TLS_SCHEMES = java.util.Set.of("amqps", "mqtts", "tls");

  public static BrokerAddress of(SystemDef system, int plainPort, int tlsPort) throws ConfigException {
    URI uri;
    try {
      uri = new URI(system.url());
    } catch (Exception e) {
      throw new ConfigException("the URL of system '" + system.id() + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (uri.getHost() == null)
      throw new ConfigException("the URL of system '" + system.id() + "' names no host");
    boolean tls = TLS_SCHEMES.contains(scheme);
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? tlsPort : plainPort;
    Optional<String> user = Optional.empty();
    Optional<String> pass = Optional.empty();
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) pass = Optional.of(decode(info.substring(colon + 1)));
    }
    switch (system.auth()) {
      case Auth.Password p -> {
        user = Optional.of(p.username());
        pass = Optional.ofNullable(p.password());
      }
      case Auth.Basic b -> {
        user = Optional.of(b.username());
        pass = Optional.ofNullable(b.password());
      }
      case Auth.None n -> {}
      default ->
          throw new ConfigException(
              "system '" + system.id() + "': a broker takes auth 'password' or 'none', not '" + system.auth().method() + "'");
    }
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new BrokerAddress(scheme, uri.getHost(), port, tls, decode(rawPath), user, pass);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** {@code host:port}, for messages and logs. */
  public String where() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return scheme + "://" + username.map(u -> u + "@").orElse("") + where() + path;
  }
}
