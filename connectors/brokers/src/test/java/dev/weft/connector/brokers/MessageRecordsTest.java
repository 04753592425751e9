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

  private static List<SourceRecord> read(String body, Optional<String> path) throws Exception {
    return new MessageRecords(BodyCodec.of(JSON), path).of(body.getBytes(StandardCharsets.UTF_8), "q:1");
  }

  @Test
  void anObjectIsOneRecord() throws Exception {
    List<SourceRecord> got = read("{\"a\": 1, \"b\": {\"c\": \"x\"}}", Optional.empty());
    assertThat(got).hasSize(1);
    assertThat(got.getFirst().value()).containsEntry("a", 1).containsEntry("b", Map.of("c", "x"));
    assertThat(got.getFirst().position()).isEqualTo("q:1");
  }

  @Test
  void aListGivesARecordPerItemAndAnErrorForAnItemThatIsNoObject() throws Exception {
    List<SourceRecord> got = read("[{\"a\": 1}, 7]", Optional.empty());
    assertThat(got).extracting(SourceRecord::position).containsExactly("q:1#0", "q:1#1");
    assertThat(got.get(0).value()).containsEntry("a", 1);
    assertThat(got.get(1).value()).containsEntry(MessageRecords.ERROR, "item 1 of the message is not an object");
  }

  @Test
  void theRecordsPathPicksTheListInsideTheBody() throws Exception {
    List<SourceRecord> got = read("{\"data\": {\"items\": [{\"a\": 1}, {\"a\": 2}]}}", Optional.of("data.items"));
    assertThat(got).extracting(r -> r.value().get("a")).containsExactly(1, 2);
  }

  @Test
  void anUnreadableBodyBecomesAnErrorRecordWithTheRawText() throws Exception {
    List<SourceRecord> got = read("{oops", Optional.empty());
    assertThat(got).hasSize(1);
    assertThat((String) got.getFirst().value().get(MessageRecords.ERROR)).startsWith("the message is not valid json");
    assertThat(got.getFirst().value()).containsEntry(MessageRecords.RAW, "{oops");
    assertThat(read("42", Optional.empty()).getFirst().value())
        .containsEntry(MessageRecords.ERROR, "the message is not an object or a list of objects");
  }

  @Test
  void theRawTextIsCutTo64K() {
    byte[] big = "x".repeat(MessageRecords.RAW_LIMIT + 100).getBytes(StandardCharsets.UTF_8);
    assertThat(MessageRecords.rawText(big)).hasSize(MessageRecords.RAW_LIMIT);
  }

  @Test
  void ndjsonGivesARecordPerLine() throws Exception {
    SystemDef ndjson =
        new SystemDef("bus", Optional.empty(), false, SystemDef.ConnectionKind.BROKER, "nats://h",
            Optional.of(SystemDef.Format.NDJSON), JSON.auth(), Optional.empty(), Map.of());
    BodyCodec codec = BodyCodec.of(ndjson);
    List<SourceRecord> got = new MessageRecords(codec, Optional.empty()).of("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8), "s:3");
    assertThat(got).extracting(r -> r.value().get("a")).containsExactly(1, 2);
    assertThat(new String(codec.encode(Map.of("a", 1)), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
  }
}
