package dev.weft.model;

import java.util.List;
import java.util.Optional;

/** How Weft authenticates to a system, and whose credentials it uses. */
public sealed interface Auth {

  Scope scope();

  /** The YAML name of the method, e.g. {@code api-key}. */
  String method();

  enum Scope {
    /** One set of credentials for a general/system user. */
    SYSTEM("system"),
    /** Each customer (instance) provides its own. */
    CUSTOMER("customer");

    private final String key;

    Scope(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Scope> of(String key) {
      for (Scope s : values()) if (s.key.equals(key)) return Optional.of(s);
      return Optional.empty();
    }
  }

  List<String> METHODS =
      List.of(
          "none",
          "api-key",
          "basic",
          "bearer",
          "oauth2-client-credentials",
          "oauth2-authorization-code",
          "password",
          "ssh-key");

  record None(Scope scope) implements Auth {
    public String method() {
      return "none";
    }
  }

  /** Exactly one of {@code header} or {@code query} names where the key goes. */
  record ApiKey(Scope scope, String key, Optional<String> header, Optional<String> query)
      implements Auth {
    @Override
    public String toString() {
      return "ApiKey[scope=" + scope + ", header=" + header + ", query=" + query + ", key=" + Redacted.of(key) + "]";
    }

    public String method() {
      return "api-key";
    }
  }

  record Basic(Scope scope, String username, String password) implements Auth {
    @Override
    public String toString() {
      return "Basic[scope=" + scope + ", username=" + username + ", password=" + Redacted.of(password) + "]";
    }

    public String method() {
      return "basic";
    }
  }

  record Bearer(Scope scope, String token) implements Auth {
    @Override
    public String toString() {
      return "Bearer[scope=" + scope + ", token=" + Redacted.of(token) + "]";
    }

    public String method() {
      return "bearer";
    }
  }

  record OAuth2ClientCredentials(
      Scope scope, String tokenUrl, String clientId, String clientSecret, List<String> scopes)
      implements Auth {
    @Override
    public String toString() {
      return "OAuth2ClientCredentials[scope=" + scope + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=" + Redacted.of(clientSecret) + ", scopes=" + scopes + "]";
    }

    public String method() {
      return "oauth2-client-credentials";
    }
  }

  record OAuth2AuthorizationCode(
      Scope scope,
      String authorizeUrl,
      String tokenUrl,
      String clientId,
      String clientSecret,
      List<String> scopes)
      implements Auth {
    @Override
    public String toString() {
      return "OAuth2AuthorizationCode[scope=" + scope + ", authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=" + Redacted.of(clientSecret) + ", scopes=" + scopes + "]";
    }

    public String method() {
      return "oauth2-authorization-code";
    }
  }

  /** Datastores and brokers. */
  record Password(Scope scope, String username, String password) implements Auth {
    @Override
    public String toString() {
      return "Password[scope=" + scope + ", username=" + username + ", password=" + Redacted.of(password) + "]";
    }

    public String method() {
      return "password";
    }
  }

  /** SFTP. {@code key} is the private key (PEM/OpenSSH text). */
  record SshKey(Scope scope, String username, String key, Optional<String> passphrase)
      implements Auth {
    @Override
    public String toString() {
      return "SshKey[scope=" + scope + ", username=" + username + ", key=" + Redacted.of(key) + ", passphrase=" + passphrase.map(Redacted::of) + "]";
    }

    public String method() {
      return "ssh-key";
    }
  }

  /** What {@code toString} shows instead of a credential: placeholders as written, literals hidden. */
  final class Redacted {
    private Redacted() {}

    static String of(String value) {
      if (value == null || value.isEmpty()) return "\"\"";
      return value.startsWith("${") && value.endsWith("}") && !value.substring(2).contains("${") ? value : "****";
    }
  }
}
