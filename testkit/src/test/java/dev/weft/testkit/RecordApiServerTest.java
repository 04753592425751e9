package dev.weft.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RecordApiServer api = RecordApiServer.start().token("t0k");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    api.close();
    http.close();
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path)).header("Authorization", "Bearer t0k");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> response) throws Exception {
    return JSON.readValue(response.body(), Map.class);
  }

  @Test
  void createsReadsPatchesPutsAndDeletesWithStampedUpdates() throws Exception {
    var created = call("POST", "/contacts", "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"id\":99}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/contacts/1");
    Map<String, Object> record = object(created);
    assertThat(record).containsEntry("id", 1).containsEntry("email", "ada@example.com");
    Instant first = Instant.parse((String) record.get("updatedAt"));

    var patched = object(call("PATCH", "/contacts/1", "{\"name\":\"Ada L.\"}"));
    assertThat(patched).containsEntry("email", "ada@example.com").containsEntry("name", "Ada L.");
    assertThat(Instant.parse((String) patched.get("updatedAt"))).isAfter(first);

    var put = object(call("PUT", "/contacts/1", "{\"name\":\"Only name\"}"));
    assertThat(put).containsOnlyKeys("id", "name", "updatedAt");
    assertThat(object(call("GET", "/contacts/1", null))).containsEntry("name", "Only name");

    assertThat(call("DELETE", "/contacts/1", null).statusCode()).isEqualTo(204);
    var missing = call("GET", "/contacts/1", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no contacts with id 1");
    assertThat(call("DELETE", "/contacts/1", null).statusCode()).isEqualTo(404);
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagesByNumberCursorAndLinkAndFiltersBySince() throws Exception {
    for (int i = 0; i < 5; i++) api.add("contacts", Map.of("n", i));
    var page2 = object(call("GET", "/contacts?page=2&per_page=2", null));
    assertThat((List<Map<String, Object>>) page2.get("data")).extracting(r -> r.get("n")).containsExactly(2, 3);

    var first = call("GET", "/contacts?per_page=3", null);
    String cursor = (String) object(first).get("next_cursor");
    assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("rel=\"next\""));
    var rest = object(call("GET", "/contacts?per_page=3&cursor=" + cursor, null));
    assertThat((List<Map<String, Object>>) rest.get("data")).extracting(r -> r.get("n")).containsExactly(3, 4);
    assertThat(rest.get("next_cursor")).isNull();

    String since = (String) api.record("contacts", "4").orElseThrow().get("updatedAt");
    api.edit("contacts", "2", Map.of("n", 20));
    var changed = object(call("GET", "/contacts?updated_since=" + since, null));
    assertThat((List<Map<String, Object>>) changed.get("data")).extracting(r -> r.get("n")).containsExactly(20, 3, 4);
  }

  @Test
  void refusesRecordsByRuleFailsOnDemandAndChecksTheToken() throws Exception {
    api.refuse("contacts", r -> r.get("email") == null ? Optional.of("email is required") : Optional.empty());
    var refused = call("POST", "/contacts", "{\"name\":\"x\"}");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("email is required");
    assertThat(api.records("contacts")).isEmpty();

    api.failNext("GET", 2, 503, "busy");
    assertThat(call("POST", "/contacts", "{\"email\":\"a@b\"}").statusCode()).isEqualTo(201);
    assertThat(call("GET", "/contacts", null).statusCode()).isEqualTo(503);
    assertThat(call("GET", "/contacts", null).statusCode()).isEqualTo(503);
    assertThat(call("GET", "/contacts", null).statusCode()).isEqualTo(200);

    var anonymous = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/contacts")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(api.requests("POST")).hasSize(2);
  }
}
