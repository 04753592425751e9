package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.paginate;
import static dev.weft.connector.http.Specs.readAll;
import static dev.weft.connector.http.Specs.source;
import static dev.weft.connector.http.Specs.sourceContext;
import static dev.weft.connector.http.Specs.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.Source;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Source.Paginate.Style;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private static final int ITEMS = 25;
  private final TestApi api;

  PaginationTest() throws Exception {
    api = new TestApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static String items(int from, int to) {
    return IntStream.range(from, Math.min(to, ITEMS))
        .mapToObj(i -> "{\"id\":" + i + ",\"name\":\"item " + i + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private Specs.Read read(dev.weft.model.Source source, int maxRecords) throws Exception {
    try (Source reader = new HttpConnector().openSource(sourceContext(system(api.url() + "/v2"), source))) {
      return readAll(reader, Checkpoint.START, maxRecords);
    }
  }

  private static List<Object> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> (Object) (long) i).toList();
  }

  @Test
  void withoutPaginationTheBodyIsTheArrayOfRecords() throws Exception {
    api.on("/v2/items", call -> Reply.json(items(0, 3)));

    Specs.Read read = read(source("GET /items", Optional.empty(), Paginate.NONE), 100);

    assertThat(read.field("id")).containsExactly(0L, 1L, 2L);
    assertThat(read.records().get(2).position()).isEqualTo("page=1#2");
    assertThat(read.batches()).hasSize(1);
    assertThat(read.batches().getFirst().done()).isTrue();
  }

  @Test
  void withoutPaginationAnObjectBodyIsOneRecord() throws Exception {
    api.on("/v2/me", call -> Reply.json("{\"id\":7,\"value\":[1,2]}"));

    Specs.Read read = read(source("GET /me", Optional.empty(), Paginate.NONE), 100);

    assertThat(read.records()).hasSize(1);
    assertThat(read.records().getFirst().value()).containsEntry("id", 7L);
  }

  @Test
  void pageNumbersKeepTheEndpointQueryAndStopAtAnEmptyPage() throws Exception {
    api.on(
        "/v2/items",
        call -> {
          int page = Integer.parseInt(call.param("p"));
          int size = Integer.parseInt(call.param("per_page"));
          return Reply.json(items((page - 1) * size, page * size));
        });
    Paginate paginate =
        new Paginate(Style.PAGE, Optional.of("p"), Optional.of("per_page"), Optional.of(10), Optional.empty(), Optional.empty());

    Specs.Read read = read(source("GET /items?status=open&sort=id", Optional.empty(), paginate), 100);

    assertThat(read.field("id")).isEqualTo(ids(ITEMS));
    assertThat(api.calls()).extracting(c -> c.param("p")).containsExactly("1", "2", "3", "4");
    assertThat(api.calls()).allSatisfy(c -> {
      assertThat(c.param("status")).isEqualTo("open");
      assertThat(c.param("sort")).isEqualTo("id");
    });
    assertThat(read.records().get(13).position()).isEqualTo("page=2#3");
  }

  @Test
  void pageNumbersStartWhereTheSpecSays() throws Exception {
    api.on("/v2/items", call -> {
      int page = Integer.parseInt(call.param("page"));
      return Reply.json(items(page * 10, page * 10 + 10));
    });
    Paginate paginate = new Paginate(Style.PAGE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0), Optional.empty());

    Specs.Read read = read(source("GET /items", Optional.empty(), paginate), 100);

    assertThat(read.field("id")).isEqualTo(ids(ITEMS));
    assertThat(api.calls().getFirst().param("page")).isEqualTo("0");
  }

  @Test
  void offsetsStopAtAShortPage() throws Exception {
    api.on("/v2/items", call -> {
      int offset = Integer.parseInt(call.param("offset"));
      int limit = Integer.parseInt(call.param("limit"));
      return Reply.json(items(offset, offset + limit));
    });
    Paginate paginate = new Paginate(Style.OFFSET, Optional.empty(), Optional.empty(), Optional.of(10), Optional.empty(), Optional.empty());

    Specs.Read read = read(source("GET /items", Optional.empty(), paginate), 100);

    assertThat(read.field("id")).isEqualTo(ids(ITEMS));
    assertThat(api.calls()).extracting(c -> c.param("offset")).containsExactly("0", "10", "20");
    assertThat(read.records().get(24).position()).isEqualTo("offset=20#4");
  }

  @Test
  void offsetsWithoutASizeStopAtAnEmptyPage() throws Exception {
    api.on("/v2/items", call -> {
      int offset = Integer.parseInt(call.param("skip"));
      return Reply.json(items(offset, offset + 7));
    });
    Paginate paginate = new Paginate(Style.OFFSET, Optional.of("skip"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    Specs.Read read = read(source("GET /items", Optional.empty(), paginate), 100);

    assertThat(read.field("id")).isEqualTo(ids(ITEMS));
    assertThat(api.calls()).extracting(c -> c.param("skip")).containsExactly("0", "7", "14", "21", "25");
    assertThat(api.calls().getFirst().query()).doesNotContainKey("limit");
  }

  @Test
  void cursorsComeFromTheBodyUntilTheyAreNull() throws Exception {
    api.on("/v2/items", call -> {
      int from = call.param("after") == null ? 0 : Integer.parseInt(call.param("after")) + 1;
      int to = from + 10;
      String next = to >= ITEMS ? "null" : "\"" + (to - 1) + "\"";
      return Reply.json("{\"data\":{\"items\":" + items(from, to) + "},\"meta\":{\"next\":" + next + "}}");
    });
    Paginate paginate = new Paginate(Style.CURSOR, Optional.of("after"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("meta.next"));

    Specs.Read read = read(source("GET /items", Optional.of("data.items"), paginate), 100);

    assertThat(read.field("id")).isEqualTo(ids(ITEMS));
    assertThat(api.calls()).extracting(c -> c.param("after")).containsExactly(null, "9", "19");
    assertThat(read.records().get(12).position()).isEqualTo("cursor=9#2");
    assertThat(read.records().get(0).position()).isEqualTo("cursor=#0");
  }

  @Test
  void cursorsStopAtAnEmptyToken() throws Exception {
    api.on("/v2/items", call -> Reply.json(call.param("cursor") == null
        ? "{\"items\":" + items(0, 2) + ",\"next\":\"b\"}"
        : "{\"items\":" + items(2, 4) + ",\"next\":\"\"}"));
    Paginate paginate = new Paginate(Style.CURSOR, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("next"));

    Specs.Read read = read(source("GET /items", Optional.of("items"), paginate), 100);

    assertThat(read.field("id")).containsExactly(0L, 1L, 2L, 3L);
    assertThat(api.calls()).hasSize(2);
  }

  @Test
  void linkHeadersAreFollowedWhetherAbsoluteOrRelative() throws Exception {
    api.on("/v2/items", call -> {
      int page = call.param("page") == null ? 1 : Integer.parseInt(call.param("page"));
      Reply reply = Reply.json(items((page - 1) * 10, page * 10));
      if (page == 1)
        return reply.with("Link", "<" + api.url() + "/v2/items?page=2&q=x>; rel=\"next\", <" + api.url() + "/v2/items?page=3>; rel=\"last\"");
      if (page == 2) return reply.with("Link", "</v2/items?page=1>; rel=\"prev first\", </v2/items?page=3&q=x>; rel=next");
      return reply.with("Link", "</v2/items?page=1>; rel=\"first\"");
    });

    Specs.Read read = read(source("GET /items?q=x", Optional.empty(), paginate(Style.LINK)), 100);

    assertThat(read.field("id")).isEqualTo(ids(ITEMS));
    assertThat(api.calls()).extracting(c -> c.param("page")).containsExactly(null, "2", "3");
    assertThat(api.calls()).allSatisfy(c -> assertThat(c.param("q")).isEqualTo("x"));
    assertThat(read.records().get(10).position()).isEqualTo("link=" + api.url() + "/v2/items?page=2&q=x#0");
  }

  @Test
  void emptyPagesInTheMiddleAreSkippedNotReturnedAsIdle() throws Exception {
    api.on("/v2/items", call -> {
      String cursor = call.param("cursor");
      if (cursor == null) return Reply.json("{\"items\":" + items(0, 2) + ",\"next\":\"b\"}");
      if (cursor.equals("b")) return Reply.json("{\"items\":[],\"next\":\"c\"}");
      return Reply.json("{\"items\":" + items(2, 3) + ",\"next\":null}");
    });
    Paginate paginate = new Paginate(Style.CURSOR, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("next"));

    Specs.Read read = read(source("GET /items", Optional.of("items"), paginate), 100);

    assertThat(read.field("id")).containsExactly(0L, 1L, 2L);
    assertThat(read.batches()).allSatisfy(b -> assertThat(b.records().isEmpty() && !b.done()).isFalse());
  }
}
