package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.sinkContext;
import static dev.weft.connector.http.Specs.system;
import static dev.weft.connector.http.Specs.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import dev.weft.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSinkTest {
  private final TestApi api;

  HttpSinkTest() throws Exception {
    api = new TestApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private WriteResult write(SystemDef system, Target target, List<SinkRecord> records) throws Exception {
    try (Sink sink = new HttpConnector().openSink(sinkContext(system, target))) {
      return sink.write(records);
    }
  }

  private static SinkRecord record(String id, Object... keyValues) {
    Map<String, Object> value = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) value.put((String) keyValues[i], keyValues[i + 1]);
    return new SinkRecord(value, id);
  }

  @Test
  void eachRecordIsPutToItsOwnPathAndARefusedOneIsRejected() throws Exception {
    Map<String, String> stored = new ConcurrentHashMap<>();
    api.on("/invoices/", call -> {
      String number = call.path().substring("/invoices/".length());
      if (number.equals("INV-2")) return Reply.of(422, "application/json", "{\"error\":\"total must be positive\"}");
      stored.put(number, call.bodyText());
      return Reply.status(200);
    });
    List<SinkRecord> records = List.of(
        record("f#1", "invoiceNumber", "INV-1", "total", 10),
        record("f#2", "invoiceNumber", "INV-2", "total", -1),
        record("f#3", "invoiceNumber", "INV-3", "total", 30),
        record("f#4", "invoiceNumber", "INV-4", "total", 40));

    WriteResult result = write(system(api.url()), target("PUT /invoices/{{invoiceNumber}}", Optional.empty()), records);

    assertThat(result.written()).isEqualTo(3);
    assertThat(result.rejected()).hasSize(1);
    assertThat(result.rejected().getFirst().index()).isEqualTo(1);
    assertThat(result.rejected().getFirst().reason()).contains("422").contains("total must be positive");
    assertThat(stored).containsOnlyKeys("INV-1", "INV-3", "INV-4");
    assertThat(stored.get("INV-3")).isEqualTo("{\"invoiceNumber\":\"INV-3\",\"total\":30}");
    assertThat(api.calls()).allSatisfy(c -> {
      assertThat(c.method()).isEqualTo("PUT");
      assertThat(c.header("Content-Type")).isEqualTo("application/json");
      assertThat(c.header("Idempotency-Key")).isNull();
    });
  }

  @Test
  void templateValuesAreEncodedAsOnePathSegmentUnderTheSystemsPath() throws Exception {
    api.on("/api/contacts/", call -> Reply.status(204));

    WriteResult result = write(system(api.url() + "/api/"), target("PUT /contacts/{{customer.ref}}", Optional.empty()),
        List.of(record("r1", "customer", Map.of("ref", "a/b c?d"))));

    assertThat(result).isEqualTo(WriteResult.all(1));
    assertThat(api.calls().getLast().rawPath()).isEqualTo("/api/contacts/a%2Fb%20c%3Fd");
  }

  @Test
  void theRunsIdAndDateFillTemplatesTheRecordDoesNotHave() throws Exception {
    api.on("/exports/", call -> Reply.status(200));
    var run = Specs.run();

    try (Sink sink = new HttpConnector().openSink(sinkContext(system(api.url()), target("PUT /exports/{{run.date}}/{{run.id}}-{{n}}", Optional.empty()), Specs.FAST_RETRY, run))) {
      sink.write(List.of(record("a", "n", 1)));
    }

    assertThat(api.calls().getFirst().path())
        .isEqualTo("/exports/" + java.time.LocalDate.ofInstant(run.startedAt(), java.time.ZoneOffset.UTC) + "/" + run.runId() + "-1");
  }

  @Test
  void aRecordWithoutTheTemplatesFieldIsRejectedUnsent() throws Exception {
    api.on("/invoices/", call -> Reply.status(200));

    WriteResult result = write(system(api.url()), target("PUT /invoices/{{invoiceNumber}}", Optional.empty()),
        List.of(record("r1", "invoiceNumber", "A"), record("r2", "total", 5)));

    assertThat(result.written()).isEqualTo(1);
    assertThat(result.rejected()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(1);
      assertThat(r.reason()).contains("invoiceNumber");
    });
    assertThat(api.calls()).hasSize(1);
  }

  @Test
  void aPostCarriesTheRecordsIdAsItsIdempotencyKey() throws Exception {
    api.on("/orders", call -> Reply.status(201));

    write(system(api.url()), target("POST /orders", Optional.empty()), List.of(record("flow:page=1#0", "id", 1), record("flow:page=1#1", "id", 2)));

    assertThat(api.calls()).extracting(c -> c.header("Idempotency-Key")).containsExactlyInAnyOrder("flow:page=1#0", "flow:page=1#1");
  }

  @Test
  void batchesPostArraysWithAStableKey() throws Exception {
    List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
    api.on("/bulk", call -> {
      bodies.add(call.bodyText());
      return Reply.status(200);
    });
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < 7; i++) records.add(record("f#" + i, "id", i));
    Target target = target("POST /bulk", Optional.of(3));

    WriteResult result = write(system(api.url()), target, records);
    write(system(api.url()), target, records);

    assertThat(result).isEqualTo(WriteResult.all(7));
    assertThat(bodies.subList(0, 3)).containsExactlyInAnyOrder(
        "[{\"id\":0},{\"id\":1},{\"id\":2}]", "[{\"id\":3},{\"id\":4},{\"id\":5}]", "[{\"id\":6}]");
    List<String> firstKeys = api.calls().subList(0, 3).stream().map(c -> c.header("Idempotency-Key")).sorted().toList();
    List<String> againKeys = api.calls().subList(3, 6).stream().map(c -> c.header("Idempotency-Key")).sorted().toList();
    assertThat(firstKeys).doesNotHaveDuplicates().isEqualTo(againKeys).contains("f#6");
  }

  @Test
  void aRefusedBatchRejectsEachOfItsRecords() throws Exception {
    api.on("/bulk", call -> call.bodyText().contains("\"id\":4") ? Reply.of(400, "application/json", "{\"error\":\"bad\"}") : Reply.status(200));
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) records.add(record("f#" + i, "id", i));

    WriteResult result = write(system(api.url()), target("POST /bulk", Optional.of(3)), records);

    assertThat(result.written()).isEqualTo(3);
    assertThat(result.rejected()).extracting(WriteResult.Rejected::index).containsExactly(3, 4, 5);
  }

  @Test
  void batchesAreWrittenInTheSystemsFormat() throws Exception {
    api.on("/import", call -> Reply.status(202));
    SystemDef csv = system(api.url(), Specs.NONE, Optional.of(Format.CSV), Map.of());

    write(csv, target("POST /import", Optional.of(10)), List.of(record("a", "sku", "A", "qty", 1), record("b", "sku", "B,2", "qty", 2)));

    assertThat(api.calls().getFirst().bodyText()).isEqualToNormalizingNewlines("sku,qty\nA,1\n\"B,2\",2\n");
    assertThat(api.calls().getFirst().header("Content-Type")).startsWith("text/csv");
  }

  @Test
  void oneRecordIsOneXmlDocument() throws Exception {
    api.on("/invoices/", call -> Reply.status(200));
    SystemDef xml = system(api.url(), Specs.NONE, Optional.of(Format.XML), Map.of("xml_root", "Invoices", "xml_element", "Invoice"));

    write(xml, target("PUT /invoices/{{n}}", Optional.empty()), List.of(record("a", "n", "7", "@currency", "EUR", "Total", 5)));

    assertThat(api.calls().getFirst().bodyText()).contains("<Invoice currency=\"EUR\"><n>7</n><Total>5</Total></Invoice>");
  }

  @Test
  void requestsRunConcurrentlyButNoMoreThanEightAtATime() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    api.on("/items/", call -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Thread.sleep(100);
      inFlight.decrementAndGet();
      return Reply.status(200);
    });
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) records.add(record("r" + i, "id", i));

    WriteResult result = write(system(api.url()), target("PUT /items/{{id}}", Optional.empty()), records);

    assertThat(result.written()).isEqualTo(30);
    assertThat(most.get()).isBetween(2, HttpSettings.CONCURRENCY);
  }

  @Test
  void concurrencyIsAnOption() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    api.on("/items/", call -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Thread.sleep(20);
      inFlight.decrementAndGet();
      return Reply.status(200);
    });
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) records.add(record("r" + i, "id", i));
    SystemDef oneAtATime = system(api.url(), Specs.NONE, Optional.empty(), Map.of("concurrency", 1));

    assertThat(write(oneAtATime, target("PUT /items/{{id}}", Optional.empty()), records).written()).isEqualTo(10);
    assertThat(most.get()).isEqualTo(1);
    assertThatThrownBy(() -> write(system(api.url(), Specs.NONE, Optional.empty(), Map.of("concurrency", "lots")), target("PUT /items/{{id}}", Optional.empty()), records))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("options.concurrency");
  }

  @Test
  void writesToTheSameUrlKeepTheBatchOrder() throws Exception {
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    api.on("/items/", call -> {
      seen.add(call.bodyText());
      return Reply.status(200);
    });
    List<SinkRecord> records = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      records.add(record("a" + v, "id", "a", "v", v));
      records.add(record("b" + v, "id", "b", "v", v));
    }

    write(system(api.url()), target("PUT /items/{{id}}", Optional.empty()), records);

    assertThat(seen.stream().filter(b -> b.contains("\"a\"")).toList())
        .containsExactly("{\"id\":\"a\",\"v\":0}", "{\"id\":\"a\",\"v\":1}", "{\"id\":\"a\",\"v\":2}", "{\"id\":\"a\",\"v\":3}", "{\"id\":\"a\",\"v\":4}");
  }

  @Test
  void aServerThatKeepsFailingMakesTheBatchTransient() {
    api.on("/items/", call -> call.path().endsWith("/2") ? Reply.status(503) : Reply.status(200));

    assertThatThrownBy(() -> write(system(api.url()), target("PUT /items/{{id}}", Optional.empty()),
        List.of(record("1", "id", 1), record("2", "id", 2), record("3", "id", 3))))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("503");
  }

  @Test
  void refusedCredentialsOnATargetStopTheRun() {
    api.on("/items/", call -> Reply.status(403));

    assertThatThrownBy(() -> write(system(api.url(), new Auth.Bearer(Auth.Scope.SYSTEM, "t")), target("PUT /items/{{id}}", Optional.empty()),
        List.of(record("1", "id", 1), record("2", "id", 2))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused the credentials (403)");
  }

  @Test
  void aBatchTargetCannotHaveTemplates() {
    assertThatThrownBy(() -> write(system(api.url()), target("POST /items/{{id}}", Optional.of(10)), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("templates");
  }
}
