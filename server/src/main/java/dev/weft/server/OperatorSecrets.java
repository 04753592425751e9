package dev.weft.server;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The operator's {@code ${secret.X}} values, stored sealed. Names can be listed; values only resolved for runs. */
public final class OperatorSecrets {
  private final DataSource dataSource;
  private final SecretBox box;

  public OperatorSecrets(DataSource dataSource, SecretBox box) {
    this.dataSource = dataSource;
    this.box = box;
  }

  public void set(String name, String value) {
    String sealed = box.encrypt(value);
    Sql.with(dataSource, "store secret " + name, "DELETE FROM operator_secrets WHERE name = ?", s -> {
      s.setString(1, name);
      return s.executeUpdate();
    });
    Sql.with(dataSource, "store secret " + name, "INSERT INTO operator_secrets (name, sealed_value, updated_at) VALUES (?, ?, ?)", s -> {
      s.setString(1, name);
      s.setString(2, sealed);
      s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      return s.executeUpdate();
    });
  }

  public Optional<String> get(String name) {
    return Sql.with(dataSource, "read secret " + name, "SELECT sealed_value FROM operator_secrets WHERE name = ?", s -> {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(box.decrypt(r.getString(1))) : Optional.<String>empty();
      }
    });
  }

  public List<String> names() {
    return Sql.with(dataSource, "list secrets", "SELECT name FROM operator_secrets ORDER BY name", s -> {
      List<String> names = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) names.add(r.getString(1));
      }
      return names;
    });
  }

  public boolean delete(String name) {
    return Sql.with(dataSource, "delete secret " + name, "DELETE FROM operator_secrets WHERE name = ?", s -> {
      s.setString(1, name);
      return s.executeUpdate() > 0;
    });
  }
}
