package dev.weft.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth 2 tokens a customer granted (authorization code) for the systems of the instance a
 * run works for. The server keeps them sealed; a connector reads them, and renews them through
 * {@link #renew} so that two runs never spend the same refresh token.
 */
public interface GrantedTokens {

  /** The grant stored for a system; empty when the customer has not connected it. */
  Optional<Grant> current(String systemId) throws ConnectorException;

  /**
   * Replaces the stored grant with what {@code renewal} makes of it, holding the store's lock on
   * it meanwhile. {@code renewal} gets the grant as stored now: another run may have renewed it.
   */
  Grant renew(String systemId, Renewal renewal) throws ConnectorException;

  /** Where a customer connects the system, for messages ("connect it at ..."). */
  default Optional<String> connectHint(String systemId) {
    return Optional.empty();
  }

  @FunctionalInterface
  interface Renewal {
    Grant apply(Grant stored) throws ConnectorException;
  }

  /** No grants: runs outside {@code weft serve}. */
  static GrantedTokens none() {
    return None.INSTANCE;
  }

  /** The grants of a run outside {@code weft serve}: there are none. */
  final class None implements GrantedTokens {
    static final None INSTANCE = new None();

    private None() {}

    public Optional<Grant> current(String systemId) {
      return Optional.empty();
    }

    public Grant renew(String systemId, Renewal renewal) throws ConnectorException {
      throw new ConfigException("no OAuth 2 grant is kept for system " + systemId + " outside weft serve");
    }
  }

  /**
   * An access token, the refresh token that renews it, and when it was issued and expires.
   *
   * @param expiresAt empty when the provider gave no lifetime
   */
  record Grant(String accessToken, Optional<String> refreshToken, Instant issuedAt, Optional<Instant> expiresAt) {
    public Grant {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(refreshToken, "refreshToken");
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** When to renew: a tenth of its life before it expires, at most a minute before. */
    public Optional<Instant> renewAt() {
      return expiresAt.map(end -> {
        Duration margin = Duration.between(issuedAt, end).dividedBy(10);
        if (margin.compareTo(Duration.ofMinutes(1)) > 0) margin = Duration.ofMinutes(1);
        return end.minus(margin);
      });
    }

    @Override
    public String toString() {
      return "Grant[accessToken=****, refreshToken=" + refreshToken.map(t -> "****") + ", issuedAt=" + issuedAt
          + ", expiresAt=" + expiresAt + "]";
    }
  }
}
