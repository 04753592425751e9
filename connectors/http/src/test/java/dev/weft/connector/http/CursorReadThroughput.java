package dev.weft.connector.http;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Source;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Source.Paginate.Style;
import java.util.Optional;

/**
 * Measures reading records from a local API serving JSON pages of 1,000 with cursor pagination.
 * Not a test: run {@code main} (args: total records, default 1,000,000; rounds, default 3).
 */
public final class CursorReadThroughput {
  private static final int PAGE = 1_000;

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (TestApi api = new TestApi()) {
      api.on("/customers", call -> Reply.json(page(call.param("after") == null ? 0 : Integer.parseInt(call.param("after")), total)));
      Paginate cursor = new Paginate(Style.CURSOR, Optional.of("after"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("next"));
      var spec = Specs.source("GET /customers", Optional.of("data"), cursor);
      for (int round = 1; round <= rounds; round++) {
        long started = System.nanoTime();
        long records = 0;
        try (Source source = new HttpConnector().openSource(Specs.sourceContext(Specs.system(api.url()), spec))) {
          Checkpoint at = Checkpoint.START;
          while (true) {
            Batch batch = source.read(at, PAGE);
            records += batch.records().size();
            at = batch.after();
            if (batch.done()) break;
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("round %d: %,d records in %.2f s = %,.0f records/s%n", round, records, seconds, records / seconds);
      }
    }
  }

  private static String page(int from, int total) {
    int to = Math.min(total, from + PAGE);
    StringBuilder json = new StringBuilder(PAGE * 140).append("{\"data\":[");
    for (int i = from; i < to; i++) {
      if (i > from) json.append(',');
      json.append("{\"id\":").append(i)
          .append(",\"name\":\"Customer ").append(i)
          .append("\",\"email\":\"c").append(i).append("@example.com\",\"total\":").append(i % 1000).append(".95")
          .append(",\"active\":true,\"updated_at\":\"2026-11-27T10:00:00Z\"}");
    }
    json.append("],\"next\":").append(to < total ? "\"" + to + "\"" : "null").append('}');
    return json.toString();
  }

}
