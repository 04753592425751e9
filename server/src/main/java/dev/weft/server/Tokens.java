package dev.weft.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/** API tokens: random, shown once, stored as their SHA-256. */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  public Tokens(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates a token for the caller kind and returns it; only its hash is kept. */
  public String create(Caller caller) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = "weft_" + HexFormat.of().formatHex(bytes);
    register(token, caller);
    return token;
  }

  /** Stores a given token (the admin token from {@code WEFT_ADMIN_TOKEN}) when not yet known. */
  public void register(String token, Caller caller) {
    if (find(token).isPresent()) return;
    Sql.with(dataSource, "store a token", "INSERT INTO api_tokens (token_hash, token_role, customer, created_at) VALUES (?, ?, ?, ?)", s -> {
      s.setString(1, hash(token));
      s.setString(2, caller instanceof Caller.Admin ? "admin" : "customer");
      s.setString(3, caller instanceof Caller.Customer c ? c.customer() : null);
      s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      return s.executeUpdate();
    });
  }

  public boolean anyAdmin() {
    return Sql.with(dataSource, "read tokens", "SELECT COUNT(*) FROM api_tokens WHERE token_role = 'admin'", s -> {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    });
  }

  public Optional<Caller> find(String token) {
    return Sql.with(dataSource, "read tokens", "SELECT token_role, customer FROM api_tokens WHERE token_hash = ?", s -> {
      s.setString(1, hash(token));
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) return Optional.<Caller>empty();
        return Optional.<Caller>of("admin".equals(r.getString(1)) ? new Caller.Admin() : new Caller.Customer(r.getString(2)));
      }
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
