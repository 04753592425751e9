package dev.weft.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.RecordSet.Change;
import dev.weft.connector.RecordSet.Outcome;
import dev.weft.connector.RecordSetContext;
import dev.weft.connector.TransientException;
import dev.weft.model.Auth;
import dev.weft.model.Endpoint;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import dev.weft.testkit.RecordApiServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An API resource as a sync side, against a real REST API on loopback. */
class HttpRecordSetTest {

  private static final Auth BEARER = new Auth.Bearer(Auth.Scope.SYSTEM, "s3cret");
  private final RecordApiServer api = RecordApiServer.start().token("s3cret").pageSize(3);
  private final List<RecordSet> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (RecordSet set : opened) set.close();
    api.close();
  }

  private RecordSet open(Map<String, Object> options, Optional<String> updated, Optional<Endpoint> update) throws ConnectorException {
    SystemDef system = Specs.system(api.url(), BEARER, Optional.empty(), options);
    Sync.Side side = new Sync.Side("crm", Optional.of("/contacts"), Optional.empty(), "id", updated, Optional.of("data"),
        Optional.empty(), update, Optional.empty());
    Sync sync = new Sync(side, side, Optional.empty(), List.of(), List.of(), Sync.Conflict.NEWEST, Sync.Deletes.IGNORE);
    Flow flow = new Flow("contacts", Optional.empty(), List.of(), sync, Optional.empty(),
        new ErrorPolicy(Specs.FAST_RETRY, ErrorPolicy.InvalidRecords.DEAD_LETTER, Optional.empty(), Optional.empty()));
    RecordSet set = new HttpConnector().openRecordSet(new RecordSetContext(system, side, flow, Specs.run()));
    opened.add(set);
    return set;
  }

  private RecordSet contacts() throws ConnectorException {
    return open(Map.of(), Optional.of("updatedAt"), Optional.empty());
  }

  private static Map<String, Object> record(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }

  private static List<Map<String, Object>> scan(RecordSet set, Optional<String> since, int pageSize, List<Integer> sizes)
      throws ConnectorException {
    List<Map<String, Object>> all = new ArrayList<>();
    set.scan(since, pageSize, page -> {
      sizes.add(page.size());
      all.addAll(page);
    });
    return all;
  }

  @Test
  void scansEveryPageByLinkHeadersAndFiltersBySinceOnItsSide() throws Exception {
    for (int i = 0; i < 8; i++) api.add("contacts", record("email", "p" + i + "@example.com"));
    RecordSet set = contacts();

    List<Integer> sizes = new ArrayList<>();
    assertThat(scan(set, Optional.empty(), 2, sizes)).extracting(r -> r.get("email")).hasSize(8).doesNotHaveDuplicates();
    assertThat(sizes).allMatch(s -> s <= 2);
    assertThat(api.requests("GET")).hasSize(3); // pages of 3, 3 and 2

    String since = (String) api.record("contacts", "6").orElseThrow().get("updatedAt");
    api.edit("contacts", "2", record("email", "changed@example.com"));
    assertThat(scan(set, Optional.of(since), 10, new ArrayList<>())).extracting(r -> r.get("email"))
        .containsExactly("changed@example.com", "p5@example.com", "p6@example.com", "p7@example.com");
  }

  @Test
  void pagesByCursorAndSendsTheSinceFilterWhenTheApiHasOne() throws Exception {
    for (int i = 0; i < 7; i++) api.add("contacts", record("n", i));
    String since = (String) api.record("contacts", "5").orElseThrow().get("updatedAt");
    RecordSet set = open(Map.of("paginate", Map.of("style", "cursor", "next", "next_cursor", "param", "cursor"),
        "updated_since_param", "updated_since"), Optional.of("updatedAt"), Optional.empty());

    assertThat(scan(set, Optional.empty(), 100, new ArrayList<>())).extracting(r -> r.get("n")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(api.requests("GET")).extracting(RecordApiServer.Request::query).last().asString().startsWith("cursor=");
    assertThat(scan(set, Optional.of(since), 100, new ArrayList<>())).extracting(r -> r.get("n")).containsExactly(4L, 5L, 6L);
    assertThat(api.requests("GET").getLast().query()).contains("updated_since=");
  }

  @Test
  void readsByIdsAndAGoneRecordIsAbsent() throws Exception {
    String a = api.add("contacts", record("email", "a@example.com"));
    String b = api.add("contacts", record("email", "b@example.com"));
    api.remove("contacts", b);
    RecordSet set = contacts();

    Map<String, Map<String, Object>> found = set.get(List.of(a, b, "999"));
    assertThat(found.keySet()).containsExactly(a);
    assertThat(found.get(a)).containsEntry("email", "a@example.com");
  }

  @Test
  void findsByTheDefaultScan() throws Exception {
    api.add("contacts", record("email", " Ada@Example.com"));
    api.add("contacts", record("email", "grace@example.com"));
    assertThat(contacts().find("email", List.of("ada@example.com"))).extracting(r -> r.get("email")).containsExactly(" Ada@Example.com");
  }

  @Test
  void appliesCreatesUpdatesAndDeletesAndRefusesWhatTheApiRefusesWithItsMessage() throws Exception {
    api.refuse("contacts", r -> r.get("email") == null ? Optional.of("email is required") : Optional.empty());
    String kept = api.add("contacts", record("email", "kept@example.com", "name", "Kept", "phone", "123"));
    String gone = api.add("contacts", record("email", "gone@example.com"));
    RecordSet set = contacts();

    List<Outcome> outcomes = set.apply(List.of(
        new Change.Create(record("email", "new@example.com", "name", "New")),
        new Change.Create(record("name", "No email")),
        new Change.Update(kept, record("name", "Renamed", "id", kept)),
        new Change.Update("999", record("name", "Nobody")),
        new Change.Delete(gone),
        new Change.Delete("998")));

    String created = ((Outcome.Done) outcomes.get(0)).id();
    assertThat(api.record("contacts", created)).hasValueSatisfying(r -> assertThat(r).containsEntry("email", "new@example.com"));
    assertThat(outcomes.get(1)).isEqualTo(new Outcome.Refused("POST /contacts answered 422: email is required"));
    assertThat(outcomes.get(2)).isEqualTo(new Outcome.Done(kept));
    assertThat(api.record("contacts", kept).orElseThrow())
        .containsEntry("name", "Renamed").containsEntry("phone", "123").containsEntry("email", "kept@example.com");
    assertThat(((Outcome.Refused) outcomes.get(3)).reason()).contains("no record id = '999'");
    assertThat(outcomes.subList(4, 6)).containsExactly(new Outcome.Done(gone), new Outcome.Done("998"));
    assertThat(api.record("contacts", gone)).isEmpty();
    assertThat(api.requests("PATCH")).filteredOn(r -> r.path().equals("/contacts/" + kept))
        .singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("{\"name\":\"Renamed\"}"));
  }

  @Test
  void anUpdateThroughPutSendsTheWholeRecordWithTheChangedFields() throws Exception {
    String id = api.add("contacts", record("email", "e@example.com", "name", "Before", "phone", "555"));
    RecordSet set = open(Map.of(), Optional.of("updatedAt"), Optional.of(new Endpoint("PUT", "/contacts/{{id}}")));

    assertThat(set.apply(List.of(new Change.Update(id, record("name", "After"))))).containsExactly(new Outcome.Done(id));
    assertThat(api.record("contacts", id).orElseThrow())
        .containsEntry("name", "After").containsEntry("phone", "555").containsEntry("email", "e@example.com");
  }

  @Test
  void serverErrorsAreRetriedAndThenTransient() throws Exception {
    RecordSet set = contacts();
    api.failNext("POST", 1, 503, "busy");
    assertThat(set.apply(List.of(new Change.Create(record("email", "x@example.com"))))).singleElement().isInstanceOf(Outcome.Done.class);
    assertThat(api.records("contacts")).hasSize(1);

    api.failNext("GET", 10, 500, "down");
    assertThatThrownBy(() -> set.scan(Optional.empty(), 10, page -> {})).isInstanceOf(TransientException.class);
  }

  @Test
  void wrongCredentialsAndABadSideAreConfigErrors() throws Exception {
    SystemDef system = Specs.system(api.url(), new Auth.Bearer(Auth.Scope.SYSTEM, "wrong"), Optional.empty(), Map.of());
    Sync.Side side = new Sync.Side("crm", Optional.of("/contacts"), Optional.empty(), "id", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    Sync sync = new Sync(side, side, Optional.empty(), List.of(), List.of(), Sync.Conflict.NEWEST, Sync.Deletes.IGNORE);
    Flow flow = new Flow("contacts", Optional.empty(), List.of(), sync, Optional.empty(), ErrorPolicy.DEFAULT);
    RecordSet set = new HttpConnector().openRecordSet(new RecordSetContext(system, side, flow, Specs.run()));
    opened.add(set);
    assertThatThrownBy(() -> set.get(List.of("1"))).isInstanceOf(ConfigException.class).hasMessageContaining("refused the credentials");

    assertThatThrownBy(() -> open(Map.of("paginate", Map.of("style", "pages")), Optional.empty(), Optional.empty()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("options.paginate.style");
  }
}
