package dev.weft.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Preview;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TargetPreview;
import dev.weft.model.Auth;
import dev.weft.testkit.RecordApiServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an API target holds for the records a run would send, read with GET and never written. */
class HttpTargetPreviewTest {
  private final RecordApiServer api = RecordApiServer.start().token("t");

  @AfterEach
  void stop() {
    api.close();
  }

  private TargetPreview open(String endpoint, Optional<Integer> batch) throws Exception {
    var system = Specs.system(api.url(), new Auth.Bearer(Auth.Scope.SYSTEM, "t"), Optional.empty(), Map.of());
    return new HttpConnector().openPreview(Specs.sinkContext(system, Specs.target(endpoint, batch)));
  }

  @Test
  void aPutEndpointIsReadByGetAndAPostEndpointCreatesEveryRecord() throws Exception {
    String id = api.add("contacts", Map.of("email", "a@example.com", "name", "Ada", "phone", "1"));
    List<SinkRecord> batch = List.of(
        new SinkRecord(Map.of("id", id, "name", "Ada L."), "r1"),
        new SinkRecord(Map.of("id", "999", "name", "Nobody"), "r2"),
        new SinkRecord(Map.of("name", "No id"), "r3"));

    try (TargetPreview put = open("PUT /contacts/{{id}}", Optional.empty())) {
      List<Preview> found = put.preview(batch);
      assertThat(found.get(0)).isEqualTo(new Preview.Existing("/contacts/" + id, Map.of("id", Long.parseLong(id), "name", "Ada")));
      assertThat(found.get(1)).isEqualTo(new Preview.Create(Optional.of("/contacts/999")));
      assertThat(((Preview.Refused) found.get(2)).reason()).contains("no value for id");
    }
    try (TargetPreview post = open("POST /contacts", Optional.of(10))) {
      assertThat(post.preview(batch)).containsOnly(new Preview.Create(Optional.empty()));
    }
    assertThat(api.requests()).extracting(RecordApiServer.Request::method).containsOnly("GET");
    assertThat(api.record("contacts", id).orElseThrow()).containsEntry("name", "Ada");
  }
}
