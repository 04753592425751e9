package dev.weft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.SystemDef.Format;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReadingTest {
  private static FormatOptions at(String records) {
    return FormatOptions.defaults().withRecords(Optional.ofNullable(records));
  }

  @Test
  void aTopLevelArrayIsTheRecordsWithExactNumbers() throws IOException {
    List<Object> records = Records.read(Format.JSON, "[{\"id\":7,\"big\":123456789012345678901234,\"price\":19.90,\"ok\":true,\"n\":null,\"tags\":[\"a\"]}]", at(null));
    Map<?, ?> record = (Map<?, ?>) records.getFirst();
    assertThat(record.get("id")).isEqualTo(7L);
    assertThat(record.get("big")).isEqualTo(new BigInteger("123456789012345678901234"));
    assertThat(record.get("price")).isEqualTo(new BigDecimal("19.90"));
    assertThat(record.get("ok")).isEqualTo(true);
    assertThat(record.containsKey("n")).isTrue();
    assertThat(record.get("tags")).isEqualTo(List.of("a"));
  }

  @Test
  void theRecordsPathIsFoundPastOtherFields() throws IOException {
    String body = "{\"meta\":{\"x\":[1,{\"orders\":[]}]},\"data\":{\"orders\":[{\"id\":1},{\"id\":2}]},\"next\":\"abc\"}";
    assertThat(Records.read(Format.JSON, body, at("data.orders"))).containsExactly(Map.of("id", 1L), Map.of("id", 2L));
    assertThat(Records.read(Format.JSON, body, at("missing.orders"))).isEmpty();
    assertThat(Records.read(Format.JSON, "{\"pages\":[{\"o\":[{\"id\":1}]},{\"o\":[{\"id\":2}]}]}", at("pages[1].o"))).containsExactly(Map.of("id", 2L));
  }

  @Test
  void aSingleObjectIsOneRecord() throws IOException {
    assertThat(Records.read(Format.JSON, "{\"id\":1}", at(null))).containsExactly(Map.of("id", 1L));
    assertThat(Records.read(Format.JSON, "{\"order\":{\"id\":1}}", at("order"))).containsExactly(Map.of("id", 1L));
  }

  @Test
  void anElementThatIsNotAnObjectIsMalformedAndReadingContinues() throws IOException {
    assertThat(Records.read(Format.JSON, "[{\"id\":1},42,{\"id\":3}]", at(null)))
        .containsExactly(Map.of("id", 1L), "! row 2: is not a JSON object but 42 | 42", Map.of("id", 3L));
  }

  @Test
  void ndjsonSkipsBlankLinesAndReportsBadOnes() throws IOException {
    assertThat(Records.read(Format.NDJSON, "{\"id\":1}\n\n{oops\n[1]\n{\"id\":4}", at(null)))
        .hasSize(4)
        .satisfies(r -> assertThat(r.get(1).toString()).startsWith("! row 2: invalid JSON").endsWith("| {oops"))
        .satisfies(r -> assertThat(r.get(2)).isEqualTo("! row 3: is not a JSON object | [1]"))
        .satisfies(r -> assertThat(r.get(3)).isEqualTo(Map.of("id", 4L)));
  }

  @Test
  void readOneGivesTheWholeDocument() {
    Map<String, Object> page = Formats.readOne(Format.JSON, "{\"orders\":[{\"id\":1}],\"next\":\"c2\"}".getBytes(), FormatOptions.defaults());
    assertThat(page).isEqualTo(Map.of("orders", List.of(Map.of("id", 1L)), "next", "c2"));
    assertThat(Formats.readOne(Format.JSON, "[1,2]".getBytes(), FormatOptions.defaults())).isEqualTo(Map.of("value", List.of(1L, 2L)));
  }

  @Test
  void brokenJsonKeepsTheRecordsBeforeItAndThenFailsAsAMalformedDocument() throws Exception {
    try (RecordReader reader = Formats.reader(Format.JSON, new java.io.ByteArrayInputStream("[{\"id\":1},{\"id\":".getBytes()), at(null))) {
      assertThat(reader.next()).contains(Map.of("id", 1L));
      org.assertj.core.api.Assertions.assertThatThrownBy(reader::next).isInstanceOf(MalformedDocumentException.class).hasMessageContaining("near record 2");
    }
  }
}
