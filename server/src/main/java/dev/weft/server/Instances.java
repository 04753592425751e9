package dev.weft.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Customer instances in the store. Their config is stored as JSON with secret values sealed. */
public final class Instances {
  private static final String COLUMNS = "id, customer, integration_id, version, plan, environment, enabled, config_json";

  private final DataSource dataSource;

  public Instances(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<Instance> all() {
    return query("", Optional.empty());
  }

  public List<Instance> ofCustomer(String customer) {
    return query(" WHERE customer = ?", Optional.of(customer));
  }

  /** At most {@code limit} instances with ids after {@code after} (empty: from the first), by id; of one customer when given. */
  public List<Instance> page(Optional<String> customer, String after, int limit) {
    String where = customer.isPresent() ? " WHERE customer = ? AND id > ?" : " WHERE id > ?";
    return Sql.with(dataSource, "read instances", "SELECT " + COLUMNS + " FROM instances" + where + " ORDER BY id", s -> {
      s.setMaxRows(limit);
      int n = 1;
      if (customer.isPresent()) s.setString(n++, customer.get());
      s.setString(n, after);
      return read(s);
    });
  }

  public Optional<Instance> get(String id) {
    return query(" WHERE id = ?", Optional.of(id)).stream().findFirst();
  }

  /** Inserts or replaces. */
  public void put(Instance i) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    boolean exists = get(i.id()).isPresent();
    String sql = exists
        ? "UPDATE instances SET customer = ?, integration_id = ?, version = ?, plan = ?, environment = ?, enabled = ?,"
            + " config_json = ?, updated_at = ? WHERE id = ?"
        : "INSERT INTO instances (customer, integration_id, version, plan, environment, enabled, config_json, updated_at,"
            + " id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Sql.with(dataSource, "store instance " + i.id(), sql, s -> {
      s.setString(1, i.customer());
      s.setString(2, i.integrationId());
      s.setString(3, i.version());
      s.setString(4, i.plan().orElse(null));
      s.setString(5, i.environment().key());
      s.setBoolean(6, i.enabled());
      s.setString(7, Json.write(i.sealedConfig()));
      s.setObject(8, now);
      s.setString(9, i.id());
      if (!exists) s.setObject(10, now);
      return s.executeUpdate();
    });
  }

  public boolean delete(String id) {
    return Sql.with(dataSource, "delete instance " + id, "DELETE FROM instances WHERE id = ?", s -> {
      s.setString(1, id);
      return s.executeUpdate() > 0;
    });
  }

  private List<Instance> query(String where, Optional<String> arg) {
    return Sql.with(dataSource, "read instances", "SELECT " + COLUMNS + " FROM instances" + where + " ORDER BY id", s -> {
      if (arg.isPresent()) s.setString(1, arg.get());
      return read(s);
    });
  }

  private static List<Instance> read(PreparedStatement s) throws SQLException {
    List<Instance> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next())
        out.add(new Instance(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Optional.ofNullable(r.getString(5)),
            Environment.of(r.getString(6)).orElse(Environment.TEST), r.getBoolean(7), Json.readMap(r.getString(8))));
    }
    return out;
  }
}
