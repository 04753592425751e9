package dev.weft.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * API tokens: random, shown once, stored as their SHA-256 with an id, a name, and when they were
 * created and last used, so they can be listed and revoked without their values.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** "Last used" is written at most this often per token, not on every request. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final DataSource dataSource;
  private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

  public Tokens(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A token as listed: never its value. */
  public record Listed(String id, String name, Caller caller, Instant createdAt, Optional<Instant> lastUsedAt) {
    public String scope() {
      return caller instanceof Caller.Admin ? "admin" : "customer";
    }
  }

  /** A token just made: its value, shown this once. */
  public record Created(String id, String name, String token) {
    @Override
    public String toString() {
      return "Created[id=" + id + ", name=" + name + ", token=****]";
    }
  }

  /** Creates a token for the caller kind and returns it; only its hash is kept. */
  public String create(Caller caller) {
    return create(caller, Optional.empty()).token();
  }

  public Created create(Caller caller, Optional<String> name) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = "weft_" + HexFormat.of().formatHex(bytes);
    String id = register(token, caller, name);
    return new Created(id, name.orElse(defaultName(caller)), token);
  }

  /** Stores a given token (the admin token from {@code WEFT_ADMIN_TOKEN}) when not yet known. */
  public void register(String token, Caller caller) {
    register(token, caller, Optional.of(caller instanceof Caller.Admin ? "WEFT_ADMIN_TOKEN" : defaultName(caller)));
  }

  private String register(String token, Caller caller, Optional<String> name) {
    Optional<String> known = idOf(token);
    if (known.isPresent()) return known.get();
    byte[] idBytes = new byte[6];
    RANDOM.nextBytes(idBytes);
    String id = "tok_" + HexFormat.of().formatHex(idBytes);
    Sql.with(dataSource, "store a token",
        "INSERT INTO api_tokens (token_hash, token_role, customer, created_at, token_id, token_name) VALUES (?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, hash(token));
          s.setString(2, caller instanceof Caller.Admin ? "admin" : "customer");
          s.setString(3, caller instanceof Caller.Customer c ? c.customer() : null);
          s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
          s.setString(5, id);
          s.setString(6, name.orElse(defaultName(caller)));
          return s.executeUpdate();
        });
    return id;
  }

  private static String defaultName(Caller caller) {
    return switch (caller) {
      case Caller.Admin a -> "admin";
      case Caller.Customer c -> c.customer();
    };
  }

  public boolean anyAdmin() {
    return adminCount() > 0;
  }

  private long adminCount() {
    return Sql.with(dataSource, "read tokens", "SELECT COUNT(*) FROM api_tokens WHERE token_role = 'admin'", s -> {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  /** Who holds this token; notes that it was used. */
  public Optional<Caller> find(String token) {
    String hash = hash(token);
    Optional<Caller> caller = Sql.with(dataSource, "read tokens", "SELECT token_role, customer FROM api_tokens WHERE token_hash = ?", s -> {
      s.setString(1, hash);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) return Optional.<Caller>empty();
        return Optional.<Caller>of("admin".equals(r.getString(1)) ? new Caller.Admin() : new Caller.Customer(r.getString(2)));
      }
    });
    if (caller.isPresent()) used(hash);
    return caller;
  }

  private void used(String hash) {
    Instant now = Instant.now();
    Instant written = lastUseWritten.get(hash);
    if (written != null && written.plus(LAST_USED_PRECISION).isAfter(now)) return;
    lastUseWritten.put(hash, now);
    Sql.with(dataSource, "note a token's use", "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?", s -> {
      s.setObject(1, now.atOffset(ZoneOffset.UTC));
      s.setString(2, hash);
      return s.executeUpdate();
    });
  }

  private Optional<String> idOf(String token) {
    return Sql.with(dataSource, "read tokens", "SELECT token_id FROM api_tokens WHERE token_hash = ?", s -> {
      s.setString(1, hash(token));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
      }
    });
  }

  /** Every token, oldest first, without values. */
  public List<Listed> list() {
    return Sql.with(dataSource, "list tokens",
        "SELECT token_id, token_name, token_role, customer, created_at, last_used_at FROM api_tokens ORDER BY created_at, token_id", s -> {
          List<Listed> out = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              Caller caller = "admin".equals(r.getString(3)) ? new Caller.Admin() : new Caller.Customer(r.getString(4));
              out.add(new Listed(r.getString(1), Optional.ofNullable(r.getString(2)).orElse(defaultName(caller)), caller,
                  r.getObject(5, OffsetDateTime.class).toInstant(),
                  Optional.ofNullable(r.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
            }
          }
          return out;
        });
  }

  /**
   * Revokes a token by id: it stops working at once. The last admin token is kept (else nobody
   * could administer the server): make another first.
   */
  public boolean revoke(String id) {
    Optional<Listed> token = list().stream().filter(t -> t.id().equals(id)).findFirst();
    if (token.isEmpty()) return false;
    if (token.get().caller() instanceof Caller.Admin && adminCount() == 1)
      throw new Refused(409, "token " + id + " is the last admin token; create another admin token first");
    return Sql.with(dataSource, "revoke a token", "DELETE FROM api_tokens WHERE token_id = ?", s -> {
      s.setString(1, id);
      return s.executeUpdate() > 0;
    });
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
