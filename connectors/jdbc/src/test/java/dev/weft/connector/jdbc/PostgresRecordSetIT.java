package dev.weft.connector.jdbc;

import dev.weft.model.Auth;
import dev.weft.testkit.Services;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tables as sync sides on PostgreSQL; modified_at is kept by a trigger. */
class PostgresRecordSetIT extends RecordSetContract {

  @Override
  protected void requireDatabase() {
    Services.POSTGRESQL.require();
  }

  @Override
  protected String url() {
    return PostgresIT.URL;
  }

  @Override
  protected Auth auth() {
    return new Auth.Password(Auth.Scope.SYSTEM, "postgres", "");
  }

  @Override
  protected Connection adminConnection() throws SQLException {
    return DatabaseContract.connect(PostgresIT.URL, "postgres", "");
  }

  @Override
  protected void createPeople(String table) throws SQLException {
    execute("CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, email VARCHAR(80) UNIQUE, full_name VARCHAR(80) NOT NULL,"
        + " score NUMERIC(10,2), modified_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
    execute("CREATE OR REPLACE FUNCTION " + table + "_touch() RETURNS trigger AS $$ BEGIN NEW.modified_at = clock_timestamp();"
        + " RETURN NEW; END $$ LANGUAGE plpgsql");
    execute("CREATE TRIGGER " + table + "_touch BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + table + "_touch()");
  }

  @Override
  protected void dropExtras(String table) throws SQLException {
    execute("DROP FUNCTION IF EXISTS " + table + "_touch() CASCADE");
  }

  @Test
  void aHundredThousandRowsStreamPageByPage() throws Exception {
    execute("INSERT INTO " + people + " (email, full_name, modified_at) SELECT 'bulk' || i || '@example.com', 'Bulk ' || i,"
        + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + (i / 7) * INTERVAL '1 second' FROM generate_series(1, 100000) i");
    var set = open(people, "id", Optional.of("modified_at"));
    assertStreams(set, 100_000, 5000);
    int[] count = {0};
    set.scan(Optional.of("2026-01-01T03:00:00Z"), 5000, page -> count[0] += page.size());
    // 3 h = 10,800 s: rows with i / 7 >= 10800, i.e. i from 75,600 to 100,000
    org.assertj.core.api.Assertions.assertThat(count[0]).isEqualTo(100_000 - 75_600 + 1);
  }
}
