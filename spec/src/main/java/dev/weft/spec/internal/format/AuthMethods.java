package dev.weft.spec.internal.format;

import dev.weft.model.SystemDef.ConnectionKind;
import java.util.List;
import java.util.Optional;

/**
 * Each auth method, declared once: the keys it needs, the keys it may have, and the connection
 * kinds it fits. The validator, the JSON Schema and the reference derive from this list.
 */
public final class AuthMethods {
  private AuthMethods() {}

  public record Method(String name, List<String> required, List<String> optional, List<ConnectionKind> kinds) {
    public Method {
      required = List.copyOf(required);
      optional = List.copyOf(optional);
      kinds = List.copyOf(kinds);
    }

    public boolean allows(String key) {
      return required.contains(key) || optional.contains(key);
    }
  }

  private static final ConnectionKind API = ConnectionKind.API;
  private static final ConnectionKind DATASTORE = ConnectionKind.DATASTORE;
  private static final ConnectionKind FILESYSTEM = ConnectionKind.FILESYSTEM;
  private static final ConnectionKind BROKER = ConnectionKind.BROKER;

  public static final List<Method> ALL = List.of(
      new Method("none", List.of(), List.of(), List.of(API, DATASTORE, FILESYSTEM, BROKER)),
      new Method("api-key", List.of("key"), List.of("header", "query"), List.of(API)),
      new Method("basic", List.of("username", "password"), List.of(), List.of(API)),
      new Method("bearer", List.of("token"), List.of(), List.of(API, BROKER)),
      new Method("oauth2-client-credentials", List.of("token_url", "client_id", "client_secret"), List.of("scopes"), List.of(API)),
      new Method("oauth2-authorization-code", List.of("authorize_url", "token_url", "client_id", "client_secret"), List.of("scopes"), List.of(API)),
      new Method("password", List.of("username", "password"), List.of(), List.of(DATASTORE, FILESYSTEM, BROKER)),
      new Method("ssh-key", List.of("username", "key"), List.of("passphrase"), List.of(FILESYSTEM)));

  public static Optional<Method> of(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public static List<String> fitting(ConnectionKind kind) {
    return ALL.stream().filter(m -> m.kinds().contains(kind)).map(Method::name).toList();
  }
}
