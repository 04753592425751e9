package dev.weft.connector.jdbc;

import static dev.weft.connector.jdbc.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.RecordSet.Change;
import dev.weft.connector.RecordSet.Outcome;
import dev.weft.model.Auth;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a table does as one side of a two-way sync, on every database; each runs it in a subclass. */
abstract class RecordSetContract {

  private final JdbcConnector connector = new JdbcConnector();
  private final List<AutoCloseable> opened = new ArrayList<>();
  protected Connection admin;
  /** A table with a generated numeric id and an updated column (kept by the database where it can). */
  protected String people;
  /** A table with a text id and no updated column. */
  protected String codes;

  protected void requireDatabase() {}

  protected abstract String url();

  protected abstract Auth auth();

  protected abstract Connection adminConnection() throws SQLException;

  /** Creates {@code people}: id (generated), email (unique), full_name (not null), score, modified_at. */
  protected abstract void createPeople(String table) throws SQLException;

  /** Drops what {@link #createPeople} made besides the table. */
  protected void dropExtras(String table) throws SQLException {}

  /** True when the database itself moves modified_at on every update. */
  protected boolean maintainsUpdated() {
    return true;
  }

  protected String timestampLiteral(String iso) {
    return "TIMESTAMP WITH TIME ZONE '" + iso.replace('T', ' ').replace("Z", "+00:00") + "'";
  }

  @BeforeEach
  void setUp() throws SQLException {
    requireDatabase();
    admin = adminConnection();
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    people = "sync_people_" + suffix;
    codes = "sync_codes_" + suffix;
    createPeople(people);
    execute("CREATE TABLE " + codes + " (code VARCHAR(20) PRIMARY KEY, label VARCHAR(40))");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : opened.reversed()) c.close();
    if (admin != null) {
      for (String table : List.of(people, codes)) execute("DROP TABLE IF EXISTS " + table);
      dropExtras(people);
      admin.close();
    }
  }

  protected void execute(String sql) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  protected RecordSet open(String table, String id, Optional<String> updated) throws ConnectorException {
    RecordSet set = connector.openRecordSet(Fixtures.recordSet(Fixtures.system(url(), auth(), Map.of()), table, id, updated));
    opened.add(set);
    return set;
  }

  private RecordSet people() throws ConnectorException {
    return open(people, "id", Optional.of("modified_at"));
  }

  private void insertPerson(String email, String name, String modifiedIso) throws SQLException {
    execute("INSERT INTO " + people + " (email, full_name, modified_at) VALUES ('" + email + "', '" + name + "', "
        + timestampLiteral(modifiedIso) + ")");
  }

  private static List<Map<String, Object>> scanAll(RecordSet set, Optional<String> since, int pageSize, List<Integer> sizes)
      throws ConnectorException {
    List<Map<String, Object>> all = new ArrayList<>();
    set.scan(since, pageSize, page -> {
      sizes.add(page.size());
      all.addAll(page);
    });
    return all;
  }

  @Test
  void scansInUpdatedOrderFromSincePageByPageWithoutSkippingTies() throws Exception {
    Instant base = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = 0; i < 25; i++) insertPerson("p" + i + "@example.com", "Person " + i, base.plusSeconds(i / 3).toString());
    RecordSet set = people();

    List<Integer> sizes = new ArrayList<>();
    List<Map<String, Object>> all = scanAll(set, Optional.empty(), 4, sizes);
    assertThat(all).extracting(r -> r.get("email")).doesNotHaveDuplicates().hasSize(25);
    assertThat(sizes).allMatch(s -> s <= 4).hasSize(7);

    // since = the stamp of persons 12..14: a tie of three, spread over page edges of size 2
    String since = (String) all.stream().filter(r -> r.get("email").equals("p12@example.com")).findFirst().orElseThrow().get("modified_at");
    assertThat(Instant.parse(since)).isEqualTo(base.plusSeconds(4));
    List<Map<String, Object>> recent = scanAll(set, Optional.of(since), 2, new ArrayList<>());
    assertThat(recent).extracting(r -> r.get("email"))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(12, 25).mapToObj(i -> "p" + i + "@example.com").toList());
    assertThat(recent.get(0)).containsKeys("id", "email", "full_name", "score", "modified_at");
    assertThat(recent.get(0).get("id")).isInstanceOf(Long.class);
  }

  @Test
  void readsByIdsInChunksAndIgnoresIdsThatCannotExist() throws Exception {
    RecordSet set = people();
    List<Change> creates = new ArrayList<>();
    for (int i = 0; i < 1100; i++) creates.add(new Change.Create(record("email", "c" + i + "@example.com", "full_name", "C " + i)));
    List<String> ids = set.apply(creates).stream().map(o -> ((Outcome.Done) o).id()).toList();
    assertThat(new HashSet<>(ids)).hasSize(1100);

    List<String> wanted = new ArrayList<>(ids.subList(0, 1050));
    wanted.addAll(List.of("987654321", "not-a-number"));
    Map<String, Map<String, Object>> found = set.get(wanted);
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(ids.subList(0, 1050));
    assertThat(found.get(ids.get(7))).containsEntry("email", "c7@example.com").containsEntry("full_name", "C 7");
  }

  @Test
  void findsByATrimmedCaseInsensitiveMatchField() throws Exception {
    insertPerson("  Ada@Example.COM ", "Ada", "2026-03-01T10:00:00Z");
    insertPerson("grace@example.com", "Grace", "2026-03-01T10:00:00Z");
    insertPerson("alan@example.com", "Alan", "2026-03-01T10:00:00Z");
    RecordSet set = people();

    assertThat(set.find("email", List.of("ada@example.com", "grace@example.com", "nobody@example.com")))
        .extracting(r -> r.get("full_name")).containsExactlyInAnyOrder("Ada", "Grace");
    assertThatThrownBy(() -> set.find("e_mail", List.of("x"))).isInstanceOf(ConfigException.class).hasMessageContaining("e_mail");
  }

  @Test
  void appliesEachChangeOrRefusesItAloneAndCommitsTheRest() throws Exception {
    insertPerson("taken@example.com", "Taken", "2026-03-01T10:00:00Z");
    insertPerson("edit@example.com", "Before", "2026-03-01T10:00:00Z");
    insertPerson("gone@example.com", "Gone", "2026-03-01T10:00:00Z");
    RecordSet set = people();
    Map<String, Object> edit = set.find("email", List.of("edit@example.com")).get(0);
    Map<String, Object> gone = set.find("email", List.of("gone@example.com")).get(0);

    List<Outcome> outcomes = set.apply(List.of(
        new Change.Create(record("email", "new@example.com", "full_name", "New", "score", "12.50")),
        new Change.Create(record("email", "taken@example.com", "full_name", "Twin")),
        new Change.Create(record("email", "nameless@example.com", "full_name", null)),
        new Change.Create(record("email", "odd@example.com", "full_name", "Odd", "shoe_size", 44)),
        new Change.Update(String.valueOf(edit.get("id")), record("full_name", "After")),
        new Change.Update("987654321", record("full_name", "Nobody")),
        new Change.Delete(String.valueOf(gone.get("id"))),
        new Change.Delete("987654321"),
        new Change.Create(record("email", "late@example.com", "full_name", "Late"))));

    assertThat(outcomes.get(0)).isInstanceOf(Outcome.Done.class);
    assertThat(outcomes.get(1)).isInstanceOf(Outcome.Refused.class);
    assertThat(((Outcome.Refused) outcomes.get(1)).reason()).startsWith("refused by the database");
    assertThat(outcomes.get(2)).isInstanceOf(Outcome.Refused.class);
    assertThat(((Outcome.Refused) outcomes.get(3)).reason()).contains("shoe_size is not a column");
    assertThat(outcomes.get(4)).isEqualTo(new Outcome.Done(String.valueOf(edit.get("id"))));
    assertThat(((Outcome.Refused) outcomes.get(5)).reason()).contains("no row with id = '987654321'");
    assertThat(outcomes.get(6)).isEqualTo(new Outcome.Done(String.valueOf(gone.get("id"))));
    assertThat(outcomes.get(7)).isEqualTo(new Outcome.Done("987654321"));
    assertThat(outcomes.get(8)).isInstanceOf(Outcome.Done.class);

    String newId = ((Outcome.Done) outcomes.get(0)).id();
    Map<String, Object> created = set.get(List.of(newId)).get(newId);
    assertThat(created).containsEntry("email", "new@example.com");
    assertThat((BigDecimal) created.get("score")).isEqualByComparingTo("12.5");
    Map<String, Object> edited = set.get(List.of(String.valueOf(edit.get("id")))).values().iterator().next();
    assertThat(edited).containsEntry("full_name", "After").containsEntry("email", "edit@example.com");
    assertThat(count("SELECT COUNT(*) FROM " + people)).isEqualTo(4); // taken, edit, new, late
    assertThat(count("SELECT COUNT(*) FROM " + people + " WHERE email = 'gone@example.com'")).isZero();
  }

  @Test
  void theDatabaseMovesTheUpdatedColumnAndAScanSinceSeesTheChange() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(maintainsUpdated(), "this database keeps no updated-at by itself");
    RecordSet set = people();
    String id = ((Outcome.Done) set.apply(List.of(new Change.Create(record("email", "m@example.com", "full_name", "M")))).get(0)).id();
    String before = (String) set.get(List.of(id)).get(id).get("modified_at");
    insertPerson("other@example.com", "Other", "2000-01-01T00:00:00Z");

    assertThat(set.apply(List.of(new Change.Update(id, record("full_name", "M2"))))).containsExactly(new Outcome.Done(id));
    String after = (String) set.get(List.of(id)).get(id).get("modified_at");
    assertThat(Instant.parse(after)).isAfterOrEqualTo(Instant.parse(before));

    List<Map<String, Object>> changed = scanAll(set, Optional.of(after), 10, new ArrayList<>());
    assertThat(changed).extracting(r -> r.get("full_name")).containsExactly("M2");
  }

  @Test
  void aTableWithoutUpdatedColumnIsScannedWholeAndTakesGivenTextIds() throws Exception {
    RecordSet set = open(codes, "code", Optional.empty());
    List<Outcome> outcomes = set.apply(List.of(
        new Change.Create(record("code", "B", "label", "Bee")),
        new Change.Create(record("code", "A", "label", "Ay")),
        new Change.Create(record("code", "C", "label", null))));
    assertThat(outcomes).containsExactly(new Outcome.Done("B"), new Outcome.Done("A"), new Outcome.Done("C"));

    List<Map<String, Object>> all = scanAll(set, Optional.of("2026-01-01T00:00:00Z"), 2, new ArrayList<>());
    assertThat(all).extracting(r -> r.get("code")).containsExactly("A", "B", "C");
    assertThat(set.get(List.of("A", "Z")).keySet()).containsExactly("A");
    assertThat(set.apply(List.of(new Change.Create(record("code", "A", "label", "again")))).get(0))
        .isInstanceOf(Outcome.Refused.class);
  }

  @Test
  void aSideNamingNoColumnIsAConfigError() {
    assertThatThrownBy(() -> open(people, "person_id", Optional.of("modified_at")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("id field person_id is not a column");
    assertThatThrownBy(() -> open("sync_no_such_table", "id", Optional.empty()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
  }

  /** For the large-table test of a subclass: every id read once, no page above its size. */
  protected static void assertStreams(RecordSet set, int rows, int pageSize) throws ConnectorException {
    Set<Object> ids = new HashSet<>();
    int[] pages = {0};
    set.scan(Optional.empty(), pageSize, page -> {
      assertThat(page.size()).isLessThanOrEqualTo(pageSize);
      pages[0]++;
      for (var r : page) ids.add(r.get("id"));
    });
    assertThat(ids).hasSize(rows);
    assertThat(pages[0]).isEqualTo((rows + pageSize - 1) / pageSize);
  }
}
