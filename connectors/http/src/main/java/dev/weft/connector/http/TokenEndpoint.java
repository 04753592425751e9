package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2 client-credentials grant (RFC 6749 §4.4): POSTs {@code grant_type=client_credentials}
 * to the token URL with the client id and secret ({@link TokenForm}). The token is kept until
 * shortly before its {@code expires_in} runs out, or until the API refuses it.
 */
final class TokenEndpoint implements AccessTokens {
  private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);
  private static final Duration LONGEST_MARGIN = Duration.ofSeconds(60);

  private final String systemName;
  private final Auth.OAuth2ClientCredentials auth;
  private final TokenForm form;
  private final Clock clock;
  // a lock rather than synchronized: sink requests run on virtual threads, and a fetch does I/O
  private final ReentrantLock lock = new ReentrantLock();
  private Optional<String> token = Optional.empty();
  private Instant renewAt = Instant.MAX;

  TokenEndpoint(
      SystemDef system, Auth.OAuth2ClientCredentials auth, Transport transport, HttpSettings.TokenAuth mode)
      throws ConfigException {
    this.systemName = system.displayName();
    this.auth = auth;
    this.form = new TokenForm(systemName, auth.tokenUrl(), auth.clientId(), auth.clientSecret(), transport, mode);
    this.clock = Clock.systemUTC();
  }

  /** A valid access token, fetched when there is none or the one held is about to expire. */
  @Override
  public String current() throws ConnectorException {
    lock.lock();
    try {
      if (token.isEmpty() || !clock.instant().isBefore(renewAt)) fetch();
      return token.orElseThrow();
    } finally {
      lock.unlock();
    }
  }

  /** Drops {@code refused} if it is still the token held, so that the next call fetches a new one. */
  @Override
  public void refuse(String refused) {
    lock.lock();
    try {
      if (token.isPresent() && token.get().equals(refused)) token = Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  private void fetch() throws ConnectorException {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "client_credentials");
    if (!auth.scopes().isEmpty()) grant.put("scope", String.join(" ", auth.scopes()));
    Instant asked = clock.instant();
    TokenForm.Issued issued = form.post(grant, "the token endpoint refused the client credentials");
    token = Optional.of(issued.accessToken());
    if (issued.expiresIn().isPresent()) {
      Duration lifetime = issued.expiresIn().get();
      Duration margin = lifetime.dividedBy(10);
      if (margin.compareTo(LONGEST_MARGIN) > 0) margin = LONGEST_MARGIN;
      renewAt = asked.plus(lifetime).minus(margin);
    } else {
      renewAt = Instant.MAX;
    }
    log.debug("{}: fetched an access token, renewing at {}", systemName, renewAt);
  }
}
