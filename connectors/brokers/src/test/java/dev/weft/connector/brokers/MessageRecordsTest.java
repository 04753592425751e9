package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.SourceRecord;
import dev.weft.model.SystemDef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageRecordsTest {
  private static final SystemDef JSON = Contexts.system("amqp://h", Map.of());

  private static SystemDef in(SystemDef.Format format) {
    return new SystemDef(
        "bus", Optional.empty(), false, SystemDef.ConnectionKind.BROKER, "nats://h", Optional.of(format), JSON.auth(), Optional.empty(), Map.of());
  }

  private static List<SourceRecord> read(SystemDef system, String body, Optional<String> path) throws Exception {
    return new MessageRecords(BodyCodec.of(system, path)).of(body.getBytes(StandardCharsets.UTF_8), "q:1");
  }

  @Test
  void anObjectIsOneRecord() throws Exception {
    List<SourceRecord> got = read(JSON, "{\"a\": 1, \"b\": {\"c\": \"x\"}}", Optional.empty());
    assertThat(got).hasSize(1);
    assertThat(got.getFirst().value()).containsEntry("a", 1L).containsEntry("b", Map.of("c", "x"));
    assertThat(got.getFirst().position()).isEqualTo("q:1");
  }

  @Test
  void aListGivesARecordPerItemAndAnErrorForAnItemThatIsNoObject() throws Exception {
    List<SourceRecord> got = read(JSON, "[{\"a\": 1}, 7]", Optional.empty());
    assertThat(got).extracting(SourceRecord::position).containsExactly("q:1#0", "q:1#1");
    assertThat(got.get(0).value()).containsEntry("a", 1L);
    assertThat((String) got.get(1).value().get(MessageRecords.ERROR)).contains("not a JSON object");
  }

  @Test
  void theRecordsPathPicksTheListInsideTheBody() throws Exception {
    List<SourceRecord> got = read(JSON, "{\"data\": {\"items\": [{\"a\": 1}, {\"a\": 2}]}}", Optional.of("data.items"));
    assertThat(got).extracting(r -> r.value().get("a")).containsExactly(1L, 2L);
  }

  @Test
  void anUnreadableBodyBecomesAnErrorRecordWithTheRawText() throws Exception {
    List<SourceRecord> got = read(JSON, "{oops", Optional.empty());
    assertThat(got).hasSize(1);
    assertThat((String) got.getFirst().value().get(MessageRecords.ERROR)).startsWith("the message is not valid json");
    assertThat(got.getFirst().value()).containsEntry(MessageRecords.RAW, "{oops");
    assertThat(read(JSON, "42", Optional.empty()).getFirst().value())
        .containsKey(MessageRecords.ERROR)
        .containsEntry(MessageRecords.RAW, "42");
    assertThat(read(JSON, "[]", Optional.empty()).getFirst().value())
        .containsEntry(MessageRecords.ERROR, "the message holds no records");
  }

  @Test
  void theRawTextIsCutTo64K() {
    byte[] big = "x".repeat(MessageRecords.RAW_LIMIT + 100).getBytes(StandardCharsets.UTF_8);
    assertThat(MessageRecords.rawText(big)).hasSize(MessageRecords.RAW_LIMIT);
  }

  @Test
  void ndjsonGivesARecordPerLine() throws Exception {
    SystemDef ndjson = in(SystemDef.Format.NDJSON);
    List<SourceRecord> got = read(ndjson, "{\"a\":1}\n{\"a\":2}\n", Optional.empty());
    assertThat(got).extracting(r -> r.value().get("a")).containsExactly(1L, 2L);
    assertThat(new String(BodyCodec.of(ndjson).encode(Map.of("a", 1)), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void csvAndXmlBodiesRoundTrip() throws Exception {
    for (SystemDef.Format format : List.of(SystemDef.Format.CSV, SystemDef.Format.XML)) {
      SystemDef system = in(format);
      byte[] body = BodyCodec.of(system).encode(Map.of("sku", "A-1"));
      List<SourceRecord> got = new MessageRecords(BodyCodec.of(system)).of(body, "q:1");
      assertThat(got).as(format.key()).hasSize(1);
      assertThat(got.getFirst().value()).as(format.key()).containsEntry("sku", "A-1");
    }
  }

  @Test
  void aJsonBodyIsOneObjectNotAnArray() throws Exception {
    assertThat(new String(BodyCodec.of(JSON).encode(Map.of("a", 1)), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }
}
