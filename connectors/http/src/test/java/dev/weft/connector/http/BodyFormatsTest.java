package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.readAll;
import static dev.weft.connector.http.Specs.source;
import static dev.weft.connector.http.Specs.sourceContext;
import static dev.weft.connector.http.Specs.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.Source;
import dev.weft.connector.SystemException;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Source.Paginate.Style;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BodyFormatsTest {
  private final TestApi api;

  BodyFormatsTest() throws Exception {
    api = new TestApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Specs.Read read(Format format, Map<String, Object> options, dev.weft.model.Source source) throws Exception {
    SystemDef system = system(api.url(), Specs.NONE, Optional.of(format), options);
    try (Source reader = new HttpConnector().openSource(sourceContext(system, source))) {
      return readAll(reader, Checkpoint.START, 100);
    }
  }

  private static Paginate pages() {
    return new Paginate(Style.PAGE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void jsonRecordsAreFoundAtTheRecordsPath() throws Exception {
    api.on("/orders", call -> Reply.json("{\"data\":{\"orders\":[{\"id\":1,\"total\":9.95},{\"id\":2,\"lines\":[{\"sku\":\"A\"}]}]},\"count\":2}"));

    Specs.Read read = read(Format.JSON, Map.of(), source("GET /orders", Optional.of("data.orders"), Paginate.NONE));

    assertThat(read.field("id")).containsExactly(1L, 2L);
    assertThat(read.records().get(0).value().get("total")).hasToString("9.95");
    assertThat(read.records().get(1).value().get("lines")).isEqualTo(java.util.List.of(Map.of("sku", "A")));
  }

  @Test
  void ndjsonPagesAreReadLineByLine() throws Exception {
    api.on("/events", call -> call.param("page").equals("1")
        ? Reply.of(200, "application/x-ndjson", "{\"id\":1}\n{\"id\":2}\n")
        : call.param("page").equals("2") ? Reply.of(200, "application/x-ndjson", "{\"id\":3}\n") : Reply.of(200, "application/x-ndjson", ""));

    Specs.Read read = read(Format.NDJSON, Map.of(), source("GET /events", Optional.empty(), pages()));

    assertThat(read.field("id")).containsExactly(1L, 2L, 3L);
    assertThat(api.calls().getFirst().header("Accept")).isEqualTo("application/x-ndjson");
  }

  @Test
  void aMalformedLineGoesOnAsAnErrorRecordForTheDeadLetters() throws Exception {
    api.on("/events", call -> call.param("page").equals("1")
        ? Reply.of(200, "application/x-ndjson", "{\"id\":1}\n{\"id\":\n{\"id\":3}\n")
        : Reply.of(200, "application/x-ndjson", ""));

    Specs.Read read = read(Format.NDJSON, Map.of(), source("GET /events", Optional.empty(), pages()));

    assertThat(read.records()).hasSize(3);
    assertThat(read.field("id")).containsExactly(1L, null, 3L);
    assertThat(read.records().get(1).value()).containsKey("_weft_error");
  }

  @Test
  void csvPagesUseTheSystemsDelimiter() throws Exception {
    api.on("/export", call -> call.param("page").equals("1")
        ? Reply.of(200, "text/csv", "sku;qty\nA-1;3\n\"B;2\";\n")
        : Reply.of(200, "text/csv", "sku;qty\n"));

    Specs.Read read = read(Format.CSV, Map.of("delimiter", ";"), source("GET /export", Optional.empty(), pages()));

    assertThat(read.records()).extracting(r -> r.value()).containsExactly(
        Map.of("sku", "A-1", "qty", "3"), Map.of("sku", "B;2", "qty", ""));
  }

  @Test
  void xmlRecordsAndTheCursorComeFromTheDocument() throws Exception {
    api.on("/invoices", call -> call.param("cursor") == null
        ? Reply.of(200, "application/xml", "<Invoices><Next>p2</Next><Invoice number=\"1\"><Total>5</Total></Invoice><Invoice number=\"2\"><Total>6</Total></Invoice></Invoices>")
        : Reply.of(200, "application/xml", "<Invoices><Next></Next><Invoice number=\"3\"><Total>7</Total></Invoice></Invoices>"));
    Paginate cursor = new Paginate(Style.CURSOR, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Invoices.Next"));

    Specs.Read read = read(Format.XML, Map.of(), source("GET /invoices", Optional.of("Invoices.Invoice"), cursor));

    assertThat(read.field("@number")).containsExactly("1", "2", "3");
    assertThat(read.field("Total")).containsExactly("5", "6", "7");
    assertThat(api.calls()).extracting(c -> c.param("cursor")).containsExactly(null, "p2");
  }

  @Test
  void aBodyInAnotherLanguageIsASystemError() throws Exception {
    api.on("/orders", call -> Reply.of(200, "text/html", "<html>maintenance</html>"));

    assertThatThrownBy(() -> read(Format.JSON, Map.of(), source("GET /orders", Optional.empty(), Paginate.NONE)))
        .isInstanceOf(SystemException.class)
        .hasMessageContaining("not valid json");
  }

  @Test
  void aCursorCannotBeFoundInCsv() {
    Paginate cursor = new Paginate(Style.CURSOR, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("next"));

    assertThatThrownBy(() -> read(Format.CSV, Map.of(), source("GET /export", Optional.empty(), cursor)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("json or xml");
  }
}
