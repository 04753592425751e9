package dev.weft.connector.files;

import static dev.weft.connector.files.Fixtures.drain;
import static dev.weft.connector.files.Fixtures.local;
import static dev.weft.connector.files.Fixtures.positions;
import static dev.weft.connector.files.Fixtures.records;
import static dev.weft.connector.files.Fixtures.source;
import static dev.weft.connector.files.Fixtures.sourceContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.Source;
import dev.weft.model.Source.After;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {
  @TempDir Path dir;
  private final FilesConnector connector = new FilesConnector();

  private Source open(SystemDef system, String files, String records, After after) throws Exception {
    return connector.openSource(sourceContext(system, source(files, records, after)));
  }

  private void write(String name, String text) throws Exception {
    Files.createDirectories(dir.resolve(name).getParent());
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsMatchingCsvFilesInNameOrderInBatches() throws Exception {
    write("orders-2.csv", "id,total\n3,30\n");
    write("orders-1.csv", "id,total\n1,10\n2,20\n");
    write("other.csv", "id\n99\n");
    try (Source source = open(local(dir, Format.CSV), "orders-*.csv", null, After.KEEP)) {
      List<Batch> batches = drain(source, Checkpoint.START, 2, true);
      assertThat(positions(batches)).containsExactly("orders-1.csv:1", "orders-1.csv:2", "orders-2.csv:1");
      assertThat(records(batches).getFirst().value()).isEqualTo(Map.of("id", "1", "total", "10"));
      assertThat(batches.getLast().done()).isTrue();
    }
    assertThat(dir.resolve("orders-1.csv")).exists();
  }

  @Test
  void aResumedRunSkipsFinishedFilesAndTheDoneRecordsOfTheCurrentOne() throws Exception {
    write("a.csv", "n\n1\n2\n");
    write("b.csv", "n\n3\n4\n5\n");
    Checkpoint middle;
    try (Source source = open(local(dir, Format.CSV), "*.csv", null, After.KEEP)) {
      Batch first = source.read(Checkpoint.START, 3);
      assertThat(first.records()).extracting(r -> r.position()).containsExactly("a.csv:1", "a.csv:2", "b.csv:1");
      middle = first.after();
    }
    try (Source resumed = open(local(dir, Format.CSV), "*.csv", null, After.KEEP)) {
      List<Batch> rest = drain(resumed, middle, 10, true);
      assertThat(positions(rest)).containsExactly("b.csv:2", "b.csv:3");
      assertThat(records(rest).getFirst().value()).isEqualTo(Map.of("n", "4"));
    }
  }

  @Test
  void aFileRewrittenUnderTheSameNameIsReadAgain() throws Exception {
    write("a.csv", "n\n1\n");
    Checkpoint end;
    try (Source source = open(local(dir, Format.CSV), "*.csv", null, After.KEEP)) {
      end = drain(source, Checkpoint.START, 10, true).getLast().after();
    }
    try (Source again = open(local(dir, Format.CSV), "*.csv", null, After.KEEP)) {
      assertThat(positions(drain(again, end, 10, true))).isEmpty();
    }
    write("a.csv", "n\n1\n2\n");
    try (Source changed = open(local(dir, Format.CSV), "*.csv", null, After.KEEP)) {
      assertThat(positions(drain(changed, end, 10, true))).containsExactly("a.csv:1", "a.csv:2");
    }
  }

  @Test
  void malformedRowsBecomeErrorRecordsAndTheRunGoesOn() throws Exception {
    write("in.csv", "id,name\n1,Ada\n2,\"Bob\n3,Cy,extra\n4,Di\n");
    try (Source source = open(local(dir, Format.CSV), "in.csv", null, After.KEEP)) {
      List<Batch> batches = drain(source, Checkpoint.START, 100, true);
      assertThat(records(batches)).extracting(r -> r.value()).containsExactly(
          Map.of("id", "1", "name", "Ada"),
          Map.of("_weft_error", "row 2: unterminated quote (line 3)", "_weft_raw", "2,\"Bob"),
          Map.of("_weft_error", "row 3: 3 fields where the header has 2 (line 4)", "_weft_raw", "3,Cy,extra"),
          Map.of("id", "4", "name", "Di"));
      assertThat(positions(batches)).containsExactly("in.csv:1", "in.csv:2", "in.csv:3", "in.csv:4");
    }
  }

  @Test
  void aBrokenJsonFileGivesOneErrorRecordAndTheNextFileIsRead() throws Exception {
    write("a.json", "[{\"id\":1},{\"id\":");
    write("b.json", "[{\"id\":2}]");
    try (Source source = open(local(dir, Format.JSON), "*.json", null, After.KEEP)) {
      List<Batch> batches = drain(source, Checkpoint.START, 100, true);
      assertThat(positions(batches)).containsExactly("a.json:1", "a.json:2", "b.json:1");
      assertThat(records(batches).get(1).value().get("_weft_error").toString()).startsWith("a.json: malformed JSON");
    }
  }

  @Test
  void jsonNdjsonAndXmlWithARecordsPath() throws Exception {
    write("o.json", "{\"data\":{\"orders\":[{\"id\":1,\"total\":9.5}]}}");
    write("o.ndjson", "{\"id\":2}\n{\"id\":3}\n");
    write("i.xml", "<Invoices><Invoice no=\"7\"><Line>a</Line><Line>b</Line></Invoice><Invoice no=\"8\"/></Invoices>");
    try (Source json = open(local(dir, null), "*.json", "data.orders", After.KEEP)) {
      assertThat(records(drain(json, Checkpoint.START, 10, true))).extracting(r -> r.value())
          .containsExactly(Map.of("id", 1L, "total", new java.math.BigDecimal("9.5")));
    }
    try (Source ndjson = open(local(dir, Format.NDJSON), "*.ndjson", null, After.KEEP)) {
      assertThat(positions(drain(ndjson, Checkpoint.START, 10, true))).containsExactly("o.ndjson:1", "o.ndjson:2");
    }
    try (Source xml = open(local(dir, Format.XML), "*.xml", "Invoices.Invoice", After.KEEP)) {
      assertThat(records(drain(xml, Checkpoint.START, 10, true))).extracting(r -> r.value())
          .containsExactly(Map.of("@no", "7", "Line", List.of("a", "b")), Map.of("@no", "8"));
    }
  }

  @Test
  void filesAreArchivedOnlyOnceTheirRecordsAreCommitted() throws Exception {
    write("in/a.csv", "n\n1\n2\n");
    write("in/b.csv", "n\n3\n");
    write("in/archive/a.csv", "older\n");
    try (Source source = open(local(dir, Format.CSV), "in/*.csv", null, After.ARCHIVE)) {
      Batch first = source.read(Checkpoint.START, 2);
      assertThat(first.records()).hasSize(2);
      Batch second = source.read(first.after(), 2);
      assertThat(second.records()).extracting(r -> r.position()).containsExactly("in/b.csv:1");
      assertThat(dir.resolve("in/a.csv")).as("read but not committed").exists();
      source.committed(first.after());
      assertThat(dir.resolve("in/a.csv")).as("a.csv's end was not yet seen at the first checkpoint").exists();
      source.committed(second.after());
      assertThat(dir.resolve("in/a.csv")).doesNotExist();
      assertThat(dir.resolve("in/archive/a.csv")).hasContent("older");
      try (var archived = Files.list(dir.resolve("in/archive"))) {
        assertThat(archived.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.matches("a\\.\\d{8}T\\d{9}Z\\.csv"));
      }
      if (!second.done()) source.committed(source.read(second.after(), 2).after());
    }
    assertThat(dir.resolve("in/b.csv")).doesNotExist();
    assertThat(dir.resolve("in/archive/b.csv")).hasContent("n\n3\n");
  }

  @Test
  void filesFinishedBeforeACrashAreDeletedAtTheNextStartAndNotReadAgain() throws Exception {
    write("a.csv", "n\n1\n");
    write("b.csv", "n\n2\n");
    Checkpoint stored;
    try (Source source = open(local(dir, Format.CSV), "*.csv", null, After.DELETE)) {
      Batch batch = source.read(Checkpoint.START, 1);
      batch = source.read(batch.after(), 1);
      stored = batch.after();
      // the crash: the checkpoint was stored, committed() never ran
    }
    assertThat(dir.resolve("a.csv")).exists();
    try (Source next = open(local(dir, Format.CSV), "*.csv", null, After.DELETE)) {
      List<Batch> rest = drain(next, stored, 10, true);
      assertThat(dir.resolve("a.csv")).doesNotExist();
      assertThat(positions(rest)).doesNotContain("a.csv:1");
    }
    assertThat(dir.resolve("b.csv")).doesNotExist();
  }

  @Test
  void aMissingFolderIsAConfigError() {
    SystemDef missing = local(dir.resolve("nope"), Format.CSV);
    assertThatThrownBy(() -> open(missing, "*.csv", null, After.KEEP))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }
}
