package dev.weft.model;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection of the template ("&lt;System&gt; connection"): what it is, where it is, how Weft
 * authenticates, and the language it speaks. String values may hold {@code ${config.X}},
 * {@code ${secret.X}} and {@code ${env.X}} placeholders until the engine resolves them.
 *
 * @param options connection-kind specific extras (e.g. CSV {@code delimiter}), kept as written
 */
public record SystemDef(
    String id,
    Optional<String> name,
    boolean ours,
    ConnectionKind connection,
    String url,
    Optional<Format> format,
    Auth auth,
    Optional<RateLimit> rateLimit,
    Map<String, Object> options) {

  public SystemDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    options = Collections2.orderedCopy(options);
  }

  public String displayName() {
    return name.orElse(id);
  }

  /** The URL's scheme in lower case, e.g. {@code jdbc}, {@code https}, {@code sftp}. */
  public String scheme() {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
  }

  /** For {@code jdbc:} URLs the sub-protocol ({@code postgresql}, {@code mariadb}, ...). */
  public Optional<String> jdbcSubprotocol() {
    if (!scheme().equals("jdbc")) return Optional.empty();
    String rest = url.substring(5);
    int colon = rest.indexOf(':');
    return Optional.of(colon < 0 ? rest : rest.substring(0, colon));
  }

  public Optional<URI> uri() {
    try {
      return Optional.of(URI.create(url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public enum ConnectionKind {
    API("api", "API"),
    DATASTORE("datastore", "Datastore"),
    FILESYSTEM("filesystem", "Filesystem"),
    BROKER("broker", "Message broker");

    private final String key;
    private final String label;

    ConnectionKind(String key, String label) {
      this.key = key;
      this.label = label;
    }

    /** The word used in the YAML. */
    public String key() {
      return key;
    }

    /** The words used in the rendered document. */
    public String label() {
      return label;
    }

    public static Optional<ConnectionKind> of(String key) {
      for (ConnectionKind k : values()) if (k.key.equals(key)) return Optional.of(k);
      return Optional.empty();
    }
  }

  /** The transport language. */
  public enum Format {
    JSON("json", "JSON"),
    NDJSON("ndjson", "NDJSON (one JSON document per line)"),
    CSV("csv", "CSV"),
    XML("xml", "XML");

    private final String key;
    private final String label;

    Format(String key, String label) {
      this.key = key;
      this.label = label;
    }

    public String key() {
      return key;
    }

    public String label() {
      return label;
    }

    public static Optional<Format> of(String key) {
      for (Format f : values()) if (f.key.equals(key)) return Optional.of(f);
      return Optional.empty();
    }
  }

  /** {@code N/s} or {@code N/m}. */
  public record RateLimit(int permits, java.time.Duration per) {}
}
