package dev.weft.connector.http;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.SystemException;
import dev.weft.model.Endpoint;
import dev.weft.model.RecordPath;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an API endpoint page by page; one page is one batch (a page larger than the batch size is
 * split, and kept in memory until its last record is read). The checkpoint names the next page
 * (number, offset, cursor or URL) and, for an incremental source, the largest {@code field} value
 * read so far.
 *
 * <p>Incremental reads send the previous run's largest value as the query parameter. APIs filter
 * with "at or after" or "after" depending on the API, so records whose value equals the last one
 * may be read again by the next run, as may the records of a page read again after a crash:
 * delivery is at least once, and an upsert target (or an idempotent PUT) absorbs the repeats.
 * A page split across batches is fetched again on resume and the records already read skipped
 * by count, which assumes the API serves that page the same way.
 */
final class HttpSource implements Source {
  private static final Logger log = LoggerFactory.getLogger(HttpSource.class);

  private final ApiClient client;
  private final BodyFormat body;
  private final Endpoint endpoint;
  private final URI endpointUri;
  private final Pager pager;
  private final Optional<Incremental> incremental;
  private Optional<Buffered> buffered = Optional.empty();

  /** The incremental field and the query parameter that sends its last value. */
  record Incremental(RecordPath field, String param) {}

  private record Buffered(ReadState state, BodyFormat.Page page, Pager.Fetched fetched) {}

  HttpSource(ApiClient client, BodyFormat body, Endpoint endpoint, Pager pager, Optional<Incremental> incremental)
      throws ConnectorException {
    this.client = client;
    this.body = body;
    this.endpoint = endpoint;
    this.endpointUri = client.resolve(endpoint.path());
    this.pager = pager;
    this.incremental = incremental;
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    ReadState state = ReadState.of(from);
    if (state.done()) state = state.nextRun();
    int limit = Math.max(1, maxRecords);
    while (true) {
      Buffered page = page(state);
      List<Map<String, Object>> all = page.page().records();
      int start = Math.min(state.skip(), all.size());
      int end = Math.min(all.size(), start + limit);
      String label = label(state);
      List<SourceRecord> records = new ArrayList<>(end - start);
      Optional<Object> max = state.max();
      for (int i = start; i < end; i++) {
        Map<String, Object> value = all.get(i);
        records.add(new SourceRecord(value, label + "#" + i));
        if (incremental.isPresent()) max = HighWaterMark.max(max, incremental.get().field().get(value));
      }
      if (end < all.size()) return Batch.more(records, state.at(state.at(), end, max).checkpoint());
      buffered = Optional.empty();
      Optional<String> next = pager.next(state.at(), page.fetched());
      if (next.isEmpty()) return Batch.last(records, state.finished(max).checkpoint());
      ReadState after = state.at(next, 0, max);
      if (!records.isEmpty()) return Batch.more(records, after.checkpoint());
      state = after;
    }
  }

  private String label(ReadState state) {
    String label = pager.label(state.at());
    return state.since().map(s -> label + ";since=" + HighWaterMark.text(s)).orElse(label);
  }

  private Buffered page(ReadState state) throws ConnectorException {
    if (buffered.isPresent() && buffered.get().state().samePage(state)) return buffered.get();
    URI uri = pager.request(endpointUri, state.at());
    if (incremental.isPresent() && state.since().isPresent())
      uri = QueryString.with(uri, incremental.get().param(), HighWaterMark.text(state.since().get()));
    ApiRequest request = new ApiRequest(endpoint.method().toUpperCase(java.util.Locale.ROOT), uri, Map.of("Accept", body.mediaType()), Optional.empty());
    ApiResponse response = client.send(request);
    if (!response.ok())
      throw new SystemException(
          client.system().displayName() + " answered " + response.status() + " to " + request.describe(),
          client.system().displayName() + " answered " + response.status() + " to " + request.describe() + ": " + response.excerpt(),
          null);
    BodyFormat.Page page = body.read(response.body(), pager instanceof Pager.Cursors);
    log.debug("{}: {} gave {} records", client.system().id(), request.describe(), page.records().size());
    Buffered fetched = new Buffered(state, page, new Pager.Fetched(page.records().size(), page.tree(), response));
    buffered = Optional.of(fetched);
    return fetched;
  }

  @Override
  public void close() {
    client.close();
  }
}
