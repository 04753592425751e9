package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.GrantedTokens;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's OAuth 2 authorization-code grant (RFC 6749 §4.1), kept by the server: the access
 * token is used until shortly before it expires, or until the API refuses it once; then the
 * refresh token (§6) gets a new one, which is stored for the next run (with the new refresh token
 * when the provider rotates them).
 */
final class AuthorizationCodeTokens implements AccessTokens {
  private static final Logger log = LoggerFactory.getLogger(AuthorizationCodeTokens.class);

  private final String systemId;
  private final String systemName;
  private final GrantedTokens grants;
  private final TokenForm form;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private Optional<GrantedTokens.Grant> held = Optional.empty();
  private Optional<String> refused = Optional.empty();

  AuthorizationCodeTokens(SystemDef system, Auth.OAuth2AuthorizationCode auth, GrantedTokens grants, Transport transport,
      HttpSettings.TokenAuth mode, Clock clock) throws ConfigException {
    this.systemId = system.id();
    this.systemName = system.displayName();
    this.grants = grants;
    this.form = new TokenForm(systemName, auth.tokenUrl(), auth.clientId(), auth.clientSecret(), transport, mode);
    this.clock = clock;
  }

  /** A valid access token: the stored one, renewed first when it is about to expire or was refused. */
  @Override
  public String current() throws ConnectorException {
    lock.lock();
    try {
      if (held.isEmpty())
        held = Optional.of(grants.current(systemId).orElseThrow(() -> new ConfigException(systemName
            + ": the customer has not connected " + systemName + " yet" + grants.connectHint(systemId).map(h -> " (" + h + ")").orElse(""))));
      GrantedTokens.Grant grant = held.get();
      if (refused.equals(Optional.of(grant.accessToken())) || expiring(grant)) held = Optional.of(renew(grant));
      refused = Optional.empty();
      return held.get().accessToken();
    } finally {
      lock.unlock();
    }
  }

  /** After a 401: the token sent is renewed on the next call, unless another run renewed it already. */
  @Override
  public void refuse(String token) {
    lock.lock();
    try {
      refused = Optional.of(token);
    } finally {
      lock.unlock();
    }
  }

  private boolean expiring(GrantedTokens.Grant grant) {
    return grant.renewAt().map(at -> !clock.instant().isBefore(at)).orElse(false);
  }

  private GrantedTokens.Grant renew(GrantedTokens.Grant mine) throws ConnectorException {
    return grants.renew(systemId, stored -> {
      // another run renewed it meanwhile: use theirs unless it is about to expire too
      if (!stored.accessToken().equals(mine.accessToken()) && !expiring(stored)) return stored;
      String refreshToken = stored.refreshToken().orElseThrow(() -> new ConfigException(systemName
          + ": the access token expired and the provider gave no refresh token; the customer must connect " + systemName + " again"
          + grants.connectHint(systemId).map(h -> " (" + h + ")").orElse("")));
      Map<String, String> grant = new LinkedHashMap<>();
      grant.put("grant_type", "refresh_token");
      grant.put("refresh_token", refreshToken);
      Instant asked = clock.instant();
      TokenForm.Issued issued = form.post(grant, "the token endpoint refused the customer's refresh token; the customer must connect "
          + systemName + " again" + grants.connectHint(systemId).map(h -> " (" + h + ")").orElse(""));
      log.info("{}: access token renewed with the refresh token", systemName);
      return new GrantedTokens.Grant(issued.accessToken(), issued.refreshToken().or(() -> Optional.of(refreshToken)), asked,
          issued.expiresIn().map(asked::plus));
    });
  }
}
