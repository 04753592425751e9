package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.readAll;
import static dev.weft.connector.http.Specs.source;
import static dev.weft.connector.http.Specs.sourceContext;
import static dev.weft.connector.http.Specs.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.Source;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Source.Paginate.Style;
import dev.weft.model.SystemDef;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilienceTest {
  private final TestApi api;

  ResilienceTest() throws Exception {
    api = new TestApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Specs.Read read(SystemDef system) throws Exception {
    try (Source source = new HttpConnector().openSource(sourceContext(system, source("GET /items", Optional.empty(), Paginate.NONE)))) {
      return readAll(source, Checkpoint.START, 100);
    }
  }

  /** Answers with {@code failures} in turn, then with one record. */
  private void failThenServe(Reply... failures) {
    AtomicInteger calls = new AtomicInteger();
    api.on("/items", call -> {
      int n = calls.getAndIncrement();
      return n < failures.length ? failures[n] : Reply.json("[{\"id\":1}]");
    });
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() throws Exception {
    failThenServe(Reply.status(429).with("Retry-After", "1"));

    Specs.Read read = read(system(api.url()));

    assertThat(read.field("id")).containsExactly(1L);
    List<TestApi.Call> calls = api.calls();
    assertThat(calls).hasSize(2);
    assertThat(Duration.ofNanos(calls.get(1).arrivedNanos() - calls.get(0).arrivedNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    failThenServe(Reply.status(503), Reply.of(502, "text/plain", "bad gateway"));

    assertThat(read(system(api.url())).field("id")).containsExactly(1L);
    assertThat(api.calls()).hasSize(3);
  }

  @Test
  void aServerErrorThatLastsIsTransientAfterTheAttempts() {
    api.on("/items", call -> Reply.of(500, "text/plain", "boom"));

    assertThatThrownBy(() -> read(system(api.url())))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("500");
    assertThat(api.calls()).hasSize(Specs.FAST_RETRY.attempts());
  }

  @Test
  void aClientErrorIsNotRetried() {
    api.on("/items", call -> Reply.of(404, "application/json", "{\"error\":\"no such thing\"}"));

    assertThatThrownBy(() -> read(system(api.url())))
        .isInstanceOf(dev.weft.connector.SystemException.class)
        .hasMessageContaining("404");
    assertThat(api.calls()).hasSize(1);
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    api.on("/items", call -> {
      if (calls.getAndIncrement() == 0) Thread.sleep(5_000);
      return Reply.json("[{\"id\":1}]");
    });
    SystemDef system = system(api.url(), Specs.NONE, Optional.empty(), Map.of("timeout", "1s"));

    assertThat(read(system).field("id")).containsExactly(1L);
    assertThat(api.calls()).hasSize(2);
  }

  @Test
  void anAnswerThatNeverComesInTimeIsTransient() {
    api.on("/items", call -> {
      Thread.sleep(2_000);
      return Reply.json("[]");
    });
    SystemDef system = system(api.url(), Specs.NONE, Optional.empty(), Map.of("timeout", Map.of("request", "100ms")));

    assertThatThrownBy(() -> read(system)).isInstanceOf(TransientException.class).hasMessageContaining("in time");
  }

  @Test
  void aClosedPortIsTransient() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    assertThatThrownBy(() -> read(system("http://127.0.0.1:" + port)))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("could not be reached");
  }

  @Test
  void theSourceAndTheSinkOfOneSystemShareItsRateLimit() throws Exception {
    AtomicInteger pages = new AtomicInteger();
    api.on("/items", call -> Reply.json(pages.incrementAndGet() <= 5 ? "[{\"id\":1}]" : "[]"));
    api.on("/things", call -> Reply.status(204));
    SystemDef system = Specs.withRateLimit(system(api.url()), 5, Duration.ofSeconds(1));
    RunInfo run = Specs.run();
    Paginate byPage = new Paginate(Style.PAGE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) records.add(new SinkRecord(Map.of("id", i), "r" + i));

    try (Source source = new HttpConnector().openSource(Specs.sourceContext(system, source("GET /items", Optional.empty(), byPage), Specs.FAST_RETRY, run));
        Sink sink = new HttpConnector().openSink(Specs.sinkContext(system, Specs.target("PUT /things/{{id}}", Optional.empty()), Specs.FAST_RETRY, run))) {
      CompletableFuture<Specs.Read> reading = CompletableFuture.supplyAsync(() -> {
        try {
          return readAll(source, Checkpoint.START, 100);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      WriteResult written = sink.write(records);
      assertThat(written.written()).isEqualTo(6);
      assertThat(reading.get().records()).hasSize(5);
    }

    List<Long> arrivals = api.calls().stream().map(TestApi.Call::arrivedNanos).sorted().toList();
    assertThat(arrivals).hasSize(12);
    // 12 requests at 5/s together take 11 intervals of 200 ms (less the first request's connection
    // set-up, which may arrive late); two separate limiters would take 1 s
    assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst())).isGreaterThan(Duration.ofMillis(1_500));
    // 5 per second, plus slack for requests a busy machine delays into the next second; without
    // a shared limit 10 or more of the 12 would arrive within one second
    for (long start : arrivals) {
      long inWindow = arrivals.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
      assertThat(inWindow).as("requests in the second after one").isLessThanOrEqualTo(8);
    }
  }
}
