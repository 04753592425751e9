package dev.weft.connector.files;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated SSH session for an {@code sftp://user@host:port/path} system.
 *
 * <p>Host keys: {@code options.host_key} pins the server's key by its fingerprint
 * ({@code SHA256:...}); {@code options.known_hosts} names an OpenSSH known_hosts file that must
 * list the server. With neither, any key is accepted and a warning is logged.
 */
final class SftpLogin {
  private static final Logger LOG = LoggerFactory.getLogger(SftpLogin.class);
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  /** The unchecked-host-key warning is logged once per server and system, not per connection. */
  private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private SftpLogin() {}

  record Opened(SshClient client, ClientSession session) {}

  static Opened open(SystemDef system) throws ConnectorException {
    URI uri = system.uri().orElseThrow(() -> new ConfigException("system " + system.id() + ": the url is not a valid sftp:// URL"));
    String host = Optional.ofNullable(uri.getHost()).orElseThrow(() -> new ConfigException("system " + system.id() + ": the sftp url has no host"));
    int port = uri.getPort() < 0 ? 22 : uri.getPort();
    String where = "sftp://" + host + ":" + port;
    String user = username(system, uri);
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(verifier(system, where));
    client.start();
    try {
      ClientSession session;
      try {
        session = client.connect(user, host, port).verify(TIMEOUT).getSession();
      } catch (IOException e) {
        throw unreachable(where, e);
      }
      try {
        switch (system.auth()) {
          case Auth.Password p -> session.addPasswordIdentity(p.password());
          case Auth.Basic b -> session.addPasswordIdentity(b.password());
          case Auth.SshKey k -> {
            for (KeyPair pair : keys(system, k)) session.addPublicKeyIdentity(pair);
          }
          case Auth.None n -> {}
          default -> throw new ConfigException("system " + system.id() + ": auth method " + system.auth().method() + " does not apply to SFTP (use password or ssh-key)");
        }
        session.auth().verify(TIMEOUT);
        return new Opened(client, session);
      } catch (IOException e) {
        session.close(true);
        if (hostKeyRejected(e)) throw new ConfigException("the SFTP server " + where + " presented a host key that options.host_key / options.known_hosts does not allow", e);
        if (e.getCause() instanceof ConnectException || e instanceof java.net.SocketTimeoutException) throw unreachable(where, e);
        throw new ConfigException("the SFTP server " + where + " refused the login of user '" + user + "' (check the username, password or key)", e);
      }
    } catch (ConnectorException | RuntimeException e) {
      client.stop();
      throw e;
    }
  }

  private static boolean hostKeyRejected(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Server key did not validate") || message.contains("server key")) return true;
    }
    return false;
  }

  private static ConnectorException unreachable(String where, IOException e) {
    if (e.getCause() instanceof UnknownHostException || e instanceof UnknownHostException) {
      return new ConfigException("the SFTP host of " + where + " is unknown", e);
    }
    return new TransientException("could not reach the SFTP server " + where, e);
  }

  private static String username(SystemDef system, URI uri) throws ConfigException {
    return switch (system.auth()) {
      case Auth.Password p -> p.username();
      case Auth.Basic b -> b.username();
      case Auth.SshKey k -> k.username();
      default -> Optional.ofNullable(uri.getUserInfo()).map(u -> u.contains(":") ? u.substring(0, u.indexOf(':')) : u)
          .orElseThrow(() -> new ConfigException("system " + system.id() + ": SFTP needs a username (auth password or ssh-key)"));
    };
  }

  private static Iterable<KeyPair> keys(SystemDef system, Auth.SshKey auth) throws ConfigException {
    try {
      Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
          null,
          NamedResource.ofName("system " + system.id() + " auth.key"),
          new ByteArrayInputStream(auth.key().getBytes(StandardCharsets.UTF_8)),
          auth.passphrase().map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY));
      if (pairs == null || !pairs.iterator().hasNext()) throw new ConfigException("system " + system.id() + ": auth.key holds no private key");
      return pairs;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // the parser's message may quote key material, so only its type is kept
      throw new ConfigException("system " + system.id() + ": auth.key is not a readable private key (PEM or OpenSSH), or the passphrase is wrong", "system " + system.id() + ": auth.key could not be parsed (" + e.getClass().getName() + ")", null);
    }
  }

  private static ServerKeyVerifier verifier(SystemDef system, String where) {
    Optional<String> pinned = Optional.ofNullable(system.options().get("host_key")).map(String::valueOf).map(String::strip);
    Optional<String> knownHosts = Optional.ofNullable(system.options().get("known_hosts")).map(String::valueOf);
    if (pinned.isPresent()) {
      return (session, address, key) -> {
        String actual = fingerprint(key);
        boolean ok = actual.equals(pinned.get());
        if (!ok) LOG.warn("SFTP server {} presented host key {}, but options.host_key pins {}", where, actual, pinned.get());
        return ok;
      };
    }
    if (knownHosts.isPresent()) return new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, Path.of(knownHosts.get()));
    return (session, address, key) -> {
      if (WARNED.add(where + " " + system.id())) LOG.warn("SFTP server {} is trusted without checking its host key ({}): set options.host_key or options.known_hosts on system {}", where, fingerprint(key), system.id());
      return true;
    };
  }

  /** The OpenSSH form, {@code SHA256:<base64>}. */
  static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }
}
