package dev.weft.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The stored YAML text of a spec version, as the server loaded it (for the version diff). */
final class SpecTexts {
  private final DataSource dataSource;

  SpecTexts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Optional<String> text(String integrationId, String version) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT spec_text FROM spec_versions WHERE integration_id = ? AND version = ?")) {
      s.setString(1, integrationId);
      s.setString(2, version);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the text of " + integrationId + " version " + version, e);
    }
  }
}
