package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.SystemException;
import dev.weft.model.Endpoint;
import dev.weft.model.RecordPath;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * An API resource as one side of a two-way sync, by REST conventions: list {@code GET /contacts}
 * (paged as {@link SyncPaging} says), read {@code GET /contacts/{id}}, create {@code POST
 * /contacts} (the id from the answer's id field or its {@code Location}), update {@code PATCH
 * /contacts/{id}} with the changed fields, delete {@code DELETE /contacts/{id}}; the side's {@code
 * create}, {@code update} and {@code delete} endpoints replace these ({@code {{id}}} and the side's
 * id field name the record). An update through PUT sends the whole record: the current one with
 * the changed fields.
 *
 * <p>A 4xx answer to a change (but 401/403, and 408/429, which are retried) refuses that change
 * with the status and the API's message; 5xx, 429 and timeouts are retried by the client and then
 * fail the call. An updated-since scan is filtered here by the side's updated field (instants
 * compared as instants), and also sent to the API when {@code options.updated_since_param} names
 * its filter.
 */
final class HttpRecordSet implements RecordSet {

  private final ApiClient client;
  private final BodyFormat list;
  private final BodyFormat one;
  private final String collection;
  private final RecordPath idField;
  private final String idName;
  private final Optional<RecordPath> updatedField;
  private final SyncPaging paging;
  private final Endpoint create;
  private final Endpoint update;
  private final Endpoint delete;
  private final PathTemplate updatePath;
  private final PathTemplate deletePath;

  HttpRecordSet(ApiClient client, BodyFormat list, BodyFormat one, String endpoint, String idField, Optional<String> updatedField,
      SyncPaging paging, Optional<Endpoint> create, Optional<Endpoint> update, Optional<Endpoint> delete,
      dev.weft.connector.RunInfo run) throws ConfigException {
    this.client = client;
    this.list = list;
    this.one = one;
    this.collection = endpoint.strip();
    this.idName = idField;
    this.idField = path(idField, "id");
    this.updatedField = updatedField.isPresent() ? Optional.of(path(updatedField.get(), "updated")) : Optional.empty();
    this.paging = paging;
    String base = withoutQuery(collection);
    this.create = create.orElse(new Endpoint("POST", base));
    this.update = update.orElse(new Endpoint("PATCH", base + "/{{" + idName + "}}"));
    this.delete = delete.orElse(new Endpoint("DELETE", base + "/{{" + idName + "}}"));
    this.updatePath = PathTemplate.of(this.update.path(), run);
    this.deletePath = PathTemplate.of(this.delete.path(), run);
    if (this.create.path().contains("{{"))
      throw new ConfigException(client.system().displayName() + ": the create endpoint '" + this.create
          + "' cannot hold {{field}} templates: the record has no id yet");
  }

  private static RecordPath path(String field, String role) throws ConfigException {
    RecordPath.Parsed parsed = RecordPath.parse(field);
    if (parsed.path().isEmpty()) throw new ConfigException(role + " field " + field + ": " + parsed.error().orElseThrow());
    return parsed.path().get();
  }

  private static String withoutQuery(String path) {
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    while (bare.endsWith("/")) bare = bare.substring(0, bare.length() - 1);
    return bare;
  }

  @Override
  public void scan(Optional<String> since, int pageSize, Consumer<List<Map<String, Object>>> page) throws ConnectorException {
    if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
    URI endpoint = client.resolve(collection);
    if (since.isPresent() && paging.sinceParam().isPresent()) endpoint = QueryString.with(endpoint, paging.sinceParam().get(), since.get());
    Pager pager = paging.pager();
    Optional<String> at = Optional.empty();
    Set<String> seen = new HashSet<>(); // positions already read: an API that loops ends the scan
    while (true) {
      ApiRequest request = new ApiRequest("GET", pager.request(endpoint, at), Map.of("Accept", list.mediaType()), Optional.empty());
      ApiResponse response = client.send(request);
      if (!response.ok()) throw failed(request, response);
      BodyFormat.Page fetched = list.read(response.body(), pager instanceof Pager.Cursors);
      List<Map<String, Object>> kept = new ArrayList<>(fetched.records().size());
      for (Map<String, Object> record : fetched.records()) if (since.isEmpty() || atOrAfter(record, since.get())) kept.add(record);
      for (int from = 0; from < kept.size(); from += pageSize) page.accept(List.copyOf(kept.subList(from, Math.min(kept.size(), from + pageSize))));
      at = pager.next(at, new Pager.Fetched(fetched.records().size(), fetched.tree(), response));
      if (at.isEmpty() || !seen.add(at.get())) return;
    }
  }

  /** A record without an updated value is kept: this side cannot tell that it did not change. */
  private boolean atOrAfter(Map<String, Object> record, String since) {
    if (updatedField.isEmpty()) return true;
    Object value = updatedField.get().get(record);
    if (value == null) return true;
    Optional<OffsetDateTime> a = instant(value);
    Optional<OffsetDateTime> b = instant(since);
    if (a.isPresent() && b.isPresent()) return !a.get().isBefore(b.get());
    if (value instanceof Number) {
      try {
        return HighWaterMark.compare(value, new java.math.BigDecimal(since.strip())) >= 0;
      } catch (NumberFormatException e) {
        return true;
      }
    }
    return HighWaterMark.text(value).compareTo(since) >= 0;
  }

  private static Optional<OffsetDateTime> instant(Object value) {
    if (!(value instanceof String text)) return Optional.empty();
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, Map<String, Object>> get(Collection<String> ids) throws ConnectorException {
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
    List<Optional<Map<String, Object>>> found = concurrently(wanted, this::read);
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      int at = i;
      found.get(i).ifPresent(record -> byId.put(wanted.get(at), record));
    }
    return byId;
  }

  private Optional<Map<String, Object>> read(String id) throws ConnectorException {
    ApiRequest request = new ApiRequest("GET", client.resolve(withoutQuery(collection) + "/" + QueryString.encode(id)),
        Map.of("Accept", one.mediaType()), Optional.empty());
    ApiResponse response = client.send(request);
    if (response.status() == 404 || response.status() == 410) return Optional.empty();
    if (!response.ok()) throw failed(request, response);
    List<Map<String, Object>> records = one.read(response.body(), false).records();
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
  }

  @Override
  public List<Outcome> apply(List<Change> changes) throws ConnectorException {
    Set<String> ids = new HashSet<>();
    boolean independent = true;
    for (Change change : changes) {
      String id = switch (change) {
        case Change.Create c -> null;
        case Change.Update u -> u.id();
        case Change.Delete d -> d.id();
      };
      if (id != null && !ids.add(id)) independent = false;
    }
    if (independent) return concurrently(changes, this::change);
    List<Outcome> outcomes = new ArrayList<>(changes.size());
    for (Change change : changes) outcomes.add(change(change)); // two changes of one record: in order
    return outcomes;
  }

  private Outcome change(Change change) throws ConnectorException {
    return switch (change) {
      case Change.Create c -> create(c.fields());
      case Change.Update u -> update(u.id(), u.fields());
      case Change.Delete d -> remove(d.id());
    };
  }

  private Outcome create(Map<String, Object> fields) throws ConnectorException {
    ApiRequest request = withBody(create.method(), client.resolve(create.path()), fields,
        Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
    ApiResponse response = client.send(request);
    if (!response.ok()) return refusedOrThrow(request, response);
    List<Map<String, Object>> answer = response.body().length == 0 ? List.of() : one.read(response.body(), false).records();
    Object id = answer.isEmpty() ? null : idField.get(answer.get(0));
    if (id == null && fields.get(idName) != null) id = fields.get(idName);
    if (id == null) id = response.headers().firstValue("Location").map(HttpRecordSet::lastSegment).orElse(null);
    if (id == null)
      throw new SystemException(client.system().displayName() + ": " + request.describe() + " answered " + response.status()
          + " without the new record's " + idName + " (in the body or a Location header)");
    return new Outcome.Done(HighWaterMark.text(id));
  }

  private static String lastSegment(String location) {
    String path = URI.create(location.strip()).getPath();
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
  }

  private Outcome update(String id, Map<String, Object> fields) throws ConnectorException {
    Map<String, Object> body = new LinkedHashMap<>(fields);
    body.remove(idName);
    String method = update.method().toUpperCase(Locale.ROOT);
    if (method.equals("PUT")) {
      Optional<Map<String, Object>> current = read(id);
      if (current.isEmpty()) return gone(id);
      Map<String, Object> whole = new LinkedHashMap<>(current.get());
      whole.putAll(body);
      body = whole;
    }
    Optional<String> path = render(updatePath, id, fields);
    if (path.isEmpty()) return unrendered(updatePath, id, fields);
    ApiRequest request = withBody(method, client.resolve(path.get()), body, Map.of());
    ApiResponse response = client.send(request);
    if (response.status() == 404 || response.status() == 410) return gone(id);
    if (!response.ok()) return refusedOrThrow(request, response);
    return new Outcome.Done(id);
  }

  private Outcome gone(String id) {
    return new Outcome.Refused(client.system().displayName() + " has no record " + idName + " = '" + id + "' (deleted meanwhile?)");
  }

  private Outcome remove(String id) throws ConnectorException {
    Optional<String> path = render(deletePath, id, Map.of());
    if (path.isEmpty()) return unrendered(deletePath, id, Map.of());
    ApiRequest request = new ApiRequest(delete.method().toUpperCase(Locale.ROOT), client.resolve(path.get()),
        Map.of("Accept", one.mediaType()), Optional.empty());
    ApiResponse response = client.send(request);
    if (response.ok() || response.status() == 404 || response.status() == 410) return new Outcome.Done(id);
    return refusedOrThrow(request, response);
  }

  /** The endpoint path for one record: {@code {{id}}} and the side's id field are the id, other fields the change's. */
  private Optional<String> render(PathTemplate path, String id, Map<String, Object> fields) {
    return path.render(values(id, fields));
  }

  private Outcome unrendered(PathTemplate path, String id, Map<String, Object> fields) {
    return new Outcome.Refused("no value for " + String.join(", ", path.missing(values(id, fields))) + " in the endpoint path " + path.text());
  }

  private Map<String, Object> values(String id, Map<String, Object> fields) {
    Map<String, Object> values = new LinkedHashMap<>(fields);
    values.put("id", id);
    values.put(idName, id);
    return values;
  }

  private ApiRequest withBody(String method, URI uri, Map<String, Object> fields, Map<String, String> extra) throws SystemException {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("Accept", one.mediaType());
    return new ApiRequest(method.toUpperCase(Locale.ROOT), uri, headers,
        Optional.of(new ApiRequest.Body(one.writeOne(fields), one.mediaType())));
  }

  private Outcome refusedOrThrow(ApiRequest request, ApiResponse response) throws SystemException {
    if (response.status() >= 400 && response.status() < 500)
      return new Outcome.Refused(request.describe() + " answered " + response.status() + ": " + ApiMessage.of(response, one));
    throw failed(request, response);
  }

  private SystemException failed(ApiRequest request, ApiResponse response) {
    String said = client.system().displayName() + " answered " + response.status() + " to " + request.describe();
    return new SystemException(said, said + ": " + response.excerpt(), null);
  }

  @FunctionalInterface
  private interface Call<T, R> {
    R apply(T t) throws ConnectorException;
  }

  /** Runs {@code call} for every item, at most {@code options.concurrency} at once; answers in the items' order. */
  private <T, R> List<R> concurrently(List<T> items, Call<T, R> call) throws ConnectorException {
    if (items.size() <= 1) {
      List<R> results = new ArrayList<>();
      for (T item : items) results.add(call.apply(item));
      return results;
    }
    Semaphore inFlight = new Semaphore(client.settings().concurrency());
    List<Future<R>> futures = new ArrayList<>(items.size());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items)
        futures.add(threads.submit(() -> {
          inFlight.acquire();
          try {
            return call.apply(item);
          } finally {
            inFlight.release();
          }
        }));
      List<R> results = new ArrayList<>(items.size());
      ConnectorException failure = null;
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          ConnectorException cause = e.getCause() instanceof ConnectorException c ? c
              : new SystemException("calling " + client.system().displayName() + " failed: " + e.getCause(), e.getCause());
          if (failure == null || cause instanceof ConfigException && !(failure instanceof ConfigException)) failure = cause;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          threads.shutdownNow();
          throw new SystemException("interrupted while calling " + client.system().displayName(), e);
        }
      }
      if (failure != null) throw failure;
      return results;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
