package dev.weft.server;

import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrations the server knows: every spec file of a folder, each distinct text a version
 * (kept in the store with its text, so a pinned old version still runs), with their approvals.
 */
public final class Catalog {
  private static final Logger log = LoggerFactory.getLogger(Catalog.class);

  private final DataSource dataSource;
  private final Map<String, Spec> parsed = new ConcurrentHashMap<>();

  public Catalog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Loads every {@code *.yaml}/{@code *.yml} of the folder; files with errors are skipped, and named in the result. */
  public List<String> load(Path dir) {
    List<String> skipped = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LoadResult result = SpecLoader.load(file.getFileName().toString(), text);
        if (!result.ok() || result.spec().isEmpty()) {
          skipped.add(file.getFileName() + ": " + result.errors().stream().map(dev.weft.model.Problem::format)
              .collect(java.util.stream.Collectors.joining("; ")));
          continue;
        }
        add(result.spec().get(), file.getFileName().toString(), text);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the spec folder " + dir + ": " + e.getMessage(), e);
    }
    skipped.forEach(s -> log.warn("spec skipped: {}", s));
    return skipped;
  }

  /** Records the text as a version when it is new; returns its version. */
  public String add(Spec spec, String fileName, String text) {
    String version = versionOf(text);
    parsed.put(spec.id() + "@" + version, spec);
    if (find(spec.id(), version).isPresent()) return version;
    sql("INSERT INTO spec_versions (integration_id, version, file_name, spec_text, loaded_at) VALUES (?, ?, ?, ?, ?)",
        s -> {
          s.setString(1, spec.id());
          s.setString(2, version);
          s.setString(3, fileName);
          s.setString(4, text);
          s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
          s.executeUpdate();
        });
    log.info("integration {} version {} loaded from {}", spec.id(), version, fileName);
    return version;
  }

  public static String versionOf(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Integration ids, sorted. */
  public List<String> integrations() {
    List<String> ids = new ArrayList<>();
    sql("SELECT DISTINCT integration_id FROM spec_versions ORDER BY integration_id", s -> {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) ids.add(r.getString(1));
      }
    });
    return ids;
  }

  /** Versions of an integration, newest first. */
  public List<SpecVersion> versions(String integrationId) {
    return query("WHERE v.integration_id = ?", integrationId);
  }

  public Optional<SpecVersion> find(String integrationId, String version) {
    return query("WHERE v.integration_id = ? AND v.version = ?", integrationId, version).stream().findFirst();
  }

  /** The version an instance runs: its pinned one, or the newest ({@code latest}); for production, the newest approved. */
  public Optional<SpecVersion> resolve(String integrationId, String version, Environment environment) {
    if (!version.equals(Instance.LATEST)) return find(integrationId, version);
    return versions(integrationId).stream().filter(v -> environment == Environment.TEST || v.approved()).findFirst();
  }

  public void approve(String integrationId, String version, String by) {
    sql("DELETE FROM approvals WHERE integration_id = ? AND version = ?", s -> {
      s.setString(1, integrationId);
      s.setString(2, version);
      s.executeUpdate();
    });
    sql("INSERT INTO approvals (integration_id, version, approved_by, approved_at) VALUES (?, ?, ?, ?)", s -> {
      s.setString(1, integrationId);
      s.setString(2, version);
      s.setString(3, by);
      s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      s.executeUpdate();
    });
  }

  private List<SpecVersion> query(String where, String... args) {
    List<SpecVersion> out = new ArrayList<>();
    sql("SELECT v.integration_id, v.version, v.file_name, v.spec_text, v.loaded_at, a.approved_by, a.approved_at"
        + " FROM spec_versions v LEFT JOIN approvals a ON a.integration_id = v.integration_id AND a.version = v.version "
        + where + " ORDER BY v.loaded_at DESC, v.version", s -> {
          for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              String id = r.getString(1);
              String version = r.getString(2);
              String fileName = r.getString(3);
              String text = r.getString(4);
              Optional<Spec> spec = Optional.ofNullable(parsed.computeIfAbsent(id + "@" + version,
                  k -> SpecLoader.load(fileName, text).spec().orElse(null)));
              if (spec.isEmpty()) continue; // a stored text this build cannot read any more
              Optional<SpecVersion.Approval> approval = Optional.ofNullable(r.getString(6))
                  .map(by -> new SpecVersion.Approval(by, instant(r, 7)));
              out.add(new SpecVersion(id, version, fileName, spec.get(), instant(r, 5), approval));
            }
          }
        });
    return out;
  }

  private static Instant instant(ResultSet r, int column) {
    try {
      return r.getObject(column, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  interface Statement {
    void run(PreparedStatement s) throws SQLException;
  }

  private void sql(String sql, Statement body) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      body.run(s);
    } catch (SQLException e) {
      throw new ServerStoreException("cannot read or write spec versions", e);
    }
  }
}
