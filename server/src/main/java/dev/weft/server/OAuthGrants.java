package dev.weft.server;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.GrantedTokens;
import dev.weft.connector.SystemException;
import dev.weft.store.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The OAuth 2 grants customers gave (authorization code), one per instance and system, stored as
 * sealed JSON ({@link SecretBox}). A renewal holds the row's lock ({@code SELECT ... FOR UPDATE})
 * while it asks the provider, so two runs, on one node or several, never spend one refresh token twice.
 */
public final class OAuthGrants {
  private final DataSource dataSource;
  private final SecretBox box;

  public OAuthGrants(DataSource dataSource, SecretBox box) {
    this.dataSource = dataSource;
    this.box = box;
  }

  /** What a connector of a run of this instance sees; {@code hint} says where the customer connects a system. */
  public GrantedTokens of(String instance, Function<String, String> hint) {
    return new GrantedTokens() {
      public Optional<Grant> current(String systemId) {
        return find(instance, systemId);
      }

      public Grant renew(String systemId, Renewal renewal) throws ConnectorException {
        return renewLocked(instance, systemId, renewal);
      }

      public Optional<String> connectHint(String systemId) {
        return Optional.of(hint.apply(systemId));
      }
    };
  }

  public Optional<GrantedTokens.Grant> find(String instance, String systemId) {
    return Sql.with(dataSource, "read the grant of " + instance + "/" + systemId,
        "SELECT sealed_grant FROM oauth_grants WHERE instance = ? AND system_id = ?", s -> {
          s.setString(1, instance);
          s.setString(2, systemId);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(unseal(r.getString(1))) : Optional.<GrantedTokens.Grant>empty();
          }
        });
  }

  /** When each connected system's access token expires (empty: no expiry given), by system. */
  public Map<String, Optional<Instant>> connected(String instance) {
    return Sql.with(dataSource, "read the grants of " + instance,
        "SELECT system_id, expires_at FROM oauth_grants WHERE instance = ? ORDER BY system_id", s -> {
          s.setString(1, instance);
          Map<String, Optional<Instant>> out = new LinkedHashMap<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next())
              out.put(r.getString(1), Optional.ofNullable(r.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
          }
          return out;
        });
  }

  public void put(String instance, String systemId, GrantedTokens.Grant grant) {
    delete(instance, systemId);
    Sql.with(dataSource, "store the grant of " + instance + "/" + systemId,
        "INSERT INTO oauth_grants (instance, system_id, sealed_grant, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)", s -> {
          s.setString(1, instance);
          s.setString(2, systemId);
          s.setString(3, seal(grant));
          s.setObject(4, grant.expiresAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null));
          s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
          return s.executeUpdate();
        });
  }

  public boolean delete(String instance, String systemId) {
    return Sql.with(dataSource, "delete the grant of " + instance + "/" + systemId,
        "DELETE FROM oauth_grants WHERE instance = ? AND system_id = ?", s -> {
          s.setString(1, instance);
          s.setString(2, systemId);
          return s.executeUpdate() > 0;
        });
  }

  /** Every grant of an instance (deleted with it). */
  public void deleteAll(String instance) {
    Sql.with(dataSource, "delete the grants of " + instance, "DELETE FROM oauth_grants WHERE instance = ?", s -> {
      s.setString(1, instance);
      return s.executeUpdate();
    });
  }

  private GrantedTokens.Grant renewLocked(String instance, String systemId, GrantedTokens.Renewal renewal) throws ConnectorException {
    try (Connection c = dataSource.getConnection()) {
      return Transaction.inOne(c, tx -> {
        GrantedTokens.Grant stored;
        try (PreparedStatement s = tx.prepareStatement(
            "SELECT sealed_grant FROM oauth_grants WHERE instance = ? AND system_id = ? FOR UPDATE")) {
          s.setString(1, instance);
          s.setString(2, systemId);
          try (ResultSet r = s.executeQuery()) {
            if (!r.next()) throw new dev.weft.connector.ConfigException("the customer disconnected system " + systemId + " during the run");
            stored = unseal(r.getString(1));
          }
        }
        GrantedTokens.Grant renewed = renewal.apply(stored);
        if (!renewed.equals(stored)) {
          try (PreparedStatement s = tx.prepareStatement(
              "UPDATE oauth_grants SET sealed_grant = ?, expires_at = ?, updated_at = ? WHERE instance = ? AND system_id = ?")) {
            s.setString(1, seal(renewed));
            s.setObject(2, renewed.expiresAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null));
            s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(4, instance);
            s.setString(5, systemId);
            s.executeUpdate();
          }
        }
        return renewed;
      });
    } catch (SQLException e) {
      throw new SystemException("cannot renew the stored grant of " + instance + "/" + systemId + ": " + e.getMessage(), e);
    }
  }

  private String seal(GrantedTokens.Grant grant) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("access_token", grant.accessToken());
    json.put("refresh_token", grant.refreshToken().orElse(null));
    json.put("issued_at", grant.issuedAt().toString());
    json.put("expires_at", grant.expiresAt().map(Instant::toString).orElse(null));
    return box.encrypt(Json.write(json));
  }

  private GrantedTokens.Grant unseal(String sealed) {
    Map<String, Object> json;
    try {
      json = Json.MAPPER.readValue(box.decrypt(sealed), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored grant is not JSON");
    }
    return new GrantedTokens.Grant(String.valueOf(json.get("access_token")),
        Optional.ofNullable((String) json.get("refresh_token")), Instant.parse(String.valueOf(json.get("issued_at"))),
        Optional.ofNullable((String) json.get("expires_at")).map(Instant::parse));
  }
}
