package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.readAll;
import static dev.weft.connector.http.Specs.source;
import static dev.weft.connector.http.Specs.sourceContext;
import static dev.weft.connector.http.Specs.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Source;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Source.Incremental;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Source.Paginate.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private final TestApi api;

  CheckpointTest() throws Exception {
    api = new TestApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** Orders 0..n-1, updated at 2026-11-(10+i); the API filters on updated_since (inclusive). */
  private void serveOrders(List<Integer> ids) {
    api.on("/orders", call -> {
      String since = call.param("updated_since");
      int page = Integer.parseInt(call.param("page"));
      List<String> matching = new ArrayList<>();
      for (int id : ids) {
        String updated = "2026-11-" + (10 + id) + "T00:00:00Z";
        if (since == null || updated.compareTo(since) >= 0)
          matching.add("{\"id\":" + id + ",\"updated_at\":\"" + updated + "\"}");
      }
      List<String> slice = matching.subList(Math.min(matching.size(), (page - 1) * 3), Math.min(matching.size(), page * 3));
      return Reply.json("{\"orders\":[" + String.join(",", slice) + "]}");
    });
  }

  private static dev.weft.model.Source incrementalSource() {
    Paginate pages = new Paginate(Style.PAGE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return source("GET /orders", Optional.of("orders"), pages, Optional.of(new Incremental("updated_at", Optional.of("updated_since"))));
  }

  @Test
  void theNextRunSendsTheLargestValueSeenAndTheFirstRunSendsNone() throws Exception {
    List<Integer> ids = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    serveOrders(ids);
    Specs.Read first;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), incrementalSource()))) {
      first = readAll(source, Checkpoint.START, 100);
    }
    assertThat(first.field("id")).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(api.calls()).allSatisfy(c -> assertThat(c.query()).doesNotContainKey("updated_since"));
    assertThat(first.last().token()).contains("\"max\":\"2026-11-14T00:00:00Z\"").contains("\"done\":true");

    ids.add(5);
    int before = api.calls().size();
    Specs.Read second;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), incrementalSource()))) {
      second = readAll(source, first.last(), 100);
    }

    assertThat(api.calls().subList(before, api.calls().size()))
        .allSatisfy(c -> assertThat(c.param("updated_since")).isEqualTo("2026-11-14T00:00:00Z"));
    assertThat(api.calls().get(before).param("page")).isEqualTo("1");
    // the record equal to the last value comes again: upsert targets absorb it
    assertThat(second.field("id")).containsExactly(4L, 5L);
    assertThat(second.last().token()).contains("\"max\":\"2026-11-15T00:00:00Z\"");
    assertThat(second.records().getFirst().position()).isEqualTo("page=1;since=2026-11-14T00:00:00Z#0");
  }

  @Test
  void aReadResumesFromACheckpointInTheMiddle() throws Exception {
    serveOrders(IntStream.range(0, 8).boxed().toList());
    Checkpoint afterFirstPage;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), incrementalSource()))) {
      Batch batch = source.read(Checkpoint.START, 100);
      assertThat(batch.records()).hasSize(3);
      assertThat(batch.done()).isFalse();
      afterFirstPage = batch.after();
    }
    int before = api.calls().size();

    Specs.Read rest;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), incrementalSource()))) {
      rest = readAll(source, afterFirstPage, 100);
    }

    assertThat(rest.field("id")).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(api.calls().get(before).param("page")).isEqualTo("2");
    assertThat(rest.last().token()).contains("\"max\":\"2026-11-17T00:00:00Z\"");
  }

  @Test
  void aPageLargerThanABatchIsSplitAndFetchedOnce() throws Exception {
    String items = IntStream.range(0, 10).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(",", "[", "]"));
    api.on("/items", call -> Reply.json(items));

    Specs.Read read;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), source("GET /items", Optional.empty(), Paginate.NONE)))) {
      read = readAll(source, Checkpoint.START, 4);
    }

    assertThat(read.batches()).extracting(b -> b.records().size()).containsExactly(4, 4, 2);
    assertThat(read.batches()).extracting(Batch::done).containsExactly(false, false, true);
    assertThat(read.field("id")).hasSize(10).doesNotHaveDuplicates();
    assertThat(api.calls()).hasSize(1);
    assertThat(read.checkpoints().get(0).token()).contains("\"skip\":4");
  }

  @Test
  void aSplitPageResumedAfterACrashIsFetchedAgainAndSkipped() throws Exception {
    String items = IntStream.range(0, 10).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(",", "[", "]"));
    api.on("/items", call -> Reply.json(items));
    dev.weft.model.Source spec = source("GET /items", Optional.empty(), Paginate.NONE);
    Checkpoint mid;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), spec))) {
      mid = source.read(Checkpoint.START, 6).after();
    }

    Specs.Read rest;
    try (Source source = new HttpConnector().openSource(sourceContext(system(api.url()), spec))) {
      rest = readAll(source, mid, 100);
    }

    assertThat(rest.field("id")).containsExactly(6L, 7L, 8L, 9L);
    assertThat(rest.records().getFirst().position()).isEqualTo("page=1#6");
  }
}
