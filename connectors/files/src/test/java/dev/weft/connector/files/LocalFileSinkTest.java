package dev.weft.connector.files;

import static dev.weft.connector.files.Fixtures.local;
import static dev.weft.connector.files.Fixtures.sinkContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.model.SystemDef.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSinkTest {
  @TempDir Path dir;
  private final FilesConnector connector = new FilesConnector();

  private static List<SinkRecord> records(Map<String, Object>... values) {
    return java.util.Arrays.stream(values).map(v -> new SinkRecord(v, "id-" + v.hashCode())).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesUnderATemporaryNameAndRenamesAtTheEnd() throws Exception {
    Files.writeString(dir.resolve("orders-2026-11-27.csv"), "yesterday's run\n");
    try (Sink sink = connector.openSink(sinkContext(local(dir, Format.CSV), "orders-{{run.date}}.csv"))) {
      assertThat(sink.commit()).isEqualTo(Sink.Commit.AT_END);
      assertThat(sink.write(records(Map.of("id", 1), Map.of("id", 2))).written()).isEqualTo(2);
      assertThat(dir.resolve(".orders-2026-11-27.csv.weft-tmp")).exists();
      assertThat(dir.resolve("orders-2026-11-27.csv")).hasContent("yesterday's run");
      sink.write(records(Map.of("id", 3)));
      sink.finish();
    }
    assertThat(dir.resolve("orders-2026-11-27.csv")).hasContent("id\n1\n2\n3");
    assertThat(dir.resolve(".orders-2026-11-27.csv.weft-tmp")).doesNotExist();
  }

  @Test
  @SuppressWarnings("unchecked")
  void abortRemovesTheTemporaryFileAndLeavesTheOldOne() throws Exception {
    Files.writeString(dir.resolve("out.json"), "[]");
    try (Sink sink = connector.openSink(sinkContext(local(dir, null), "out.json"))) {
      sink.write(records(Map.of("id", 1)));
      sink.abort();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("out.json");
    }
    assertThat(dir.resolve("out.json")).hasContent("[]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFormatAndTheRunIdInAFolder() throws Exception {
    for (String name : List.of("x/{{run.id}}.json", "x/{{run.id}}.ndjson", "x/{{run.id}}.xml")) {
      try (Sink sink = connector.openSink(sinkContext(local(dir, null), name))) {
        sink.write(records(Map.of("id", 1L)));
        sink.finish();
      }
    }
    assertThat(dir.resolve("x/run-42.json")).hasContent("[{\"id\":1}]");
    assertThat(dir.resolve("x/run-42.ndjson")).hasContent("{\"id\":1}");
    assertThat(Files.readString(dir.resolve("x/run-42.xml"))).contains("<records><record><id>1</id></record></records>");
  }

  @Test
  void aRunWithoutRecordsStillWritesAValidDocument() throws Exception {
    try (Sink sink = connector.openSink(sinkContext(local(dir, Format.JSON), "empty.json"))) {
      sink.finish();
    }
    assertThat(dir.resolve("empty.json")).hasContent("[]");
  }

  @Test
  void aTargetWithoutAFormatOrExtensionIsAConfigError() {
    assertThatThrownBy(() -> connector.openSink(sinkContext(local(dir, null), "orders.dat")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("set format");
  }
}
