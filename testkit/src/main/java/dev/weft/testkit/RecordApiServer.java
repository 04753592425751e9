package dev.weft.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real REST API on loopback that keeps records in memory, one collection per resource (the
 * first path segment), for sync and plan tests. Every create and update stamps {@code updatedAt}
 * (an ISO-8601 instant, strictly increasing); POST assigns numeric ids 1, 2, 3...
 *
 * <ul>
 *   <li>{@code GET /r} lists in id order as {@code {"data": [...], "next_cursor": "..."}} with a
 *       {@code Link: <...>; rel="next"} header; pages by {@code page} (from 1) and {@code per_page},
 *       by {@code cursor} (the token of the previous page), or by {@code offset} and {@code limit};
 *       {@code updated_since} keeps records updated at or after that instant. With {@link #plainLists}
 *       the answer is the page's records as a bare JSON array (as json-server answers), the next page
 *       named only by the {@code Link} header.
 *   <li>{@code GET /r/{id}}; {@code POST /r} (201, the record, a {@code Location} header);
 *       {@code PATCH /r/{id}} merges fields; {@code PUT /r/{id}} replaces them; {@code DELETE /r/{id}}
 *       (204). A missing id is 404 with {@code {"error": "..."}}.
 *   <li>With {@link #token}, a request without {@code Authorization: Bearer <token>} is 401.
 * </ul>
 *
 * Tests change records "from outside" with {@link #add}, {@link #edit} and {@link #remove}, make
 * the API refuse records with {@link #refuse}, and fail the next requests with {@link #failNext}.
 */
public final class RecordApiServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(String method, String path, String query, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UPDATED = "updatedAt";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, TreeMap<Long, Map<String, Object>>> resources = new LinkedHashMap<>();
  private final Map<String, List<Function<Map<String, Object>, Optional<String>>>> rules = new LinkedHashMap<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Optional<String> token = Optional.empty();
  private volatile int pageSize = 50;
  private volatile boolean plainLists;
  private long nextId = 1;
  private Instant lastStamp = Instant.EPOCH;

  private record Failure(String method, int status, String body) {}

  private RecordApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** Starts a server on a free loopback port. */
  public static RecordApiServer start() {
    try {
      return new RecordApiServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the record API on loopback: " + e.getMessage(), e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requires {@code Authorization: Bearer <token>} on every request from now on. */
  public RecordApiServer token(String bearer) {
    token = Optional.of(bearer);
    return this;
  }

  /** The page size of a list request that names none (default 50). */
  public RecordApiServer pageSize(int size) {
    pageSize = size;
    return this;
  }

  /** Answers list requests with a bare JSON array of records instead of {@code {"data": [...]}}. */
  public RecordApiServer plainLists() {
    plainLists = true;
    return this;
  }

  /** Creates a record from outside (as a user of the system would); returns its id. */
  public synchronized String add(String resource, Map<String, Object> fields) {
    return String.valueOf(create(resource, fields).get("id"));
  }

  /** Changes fields of a record from outside, bumping its {@code updatedAt}; a null value removes the field. */
  public synchronized void edit(String resource, String id, Map<String, Object> fields) {
    Map<String, Object> record = collection(resource).get(Long.parseLong(id));
    if (record == null) throw new IllegalArgumentException("no " + resource + " with id " + id);
    fields.forEach((k, v) -> {
      if (v == null) record.remove(k);
      else record.put(k, v);
    });
    record.put(UPDATED, stamp());
  }

  /** Deletes a record from outside. */
  public synchronized void remove(String resource, String id) {
    collection(resource).remove(Long.parseLong(id));
  }

  /** A copy of one record, if it exists. */
  public synchronized Optional<Map<String, Object>> record(String resource, String id) {
    Map<String, Object> record = collection(resource).get(Long.parseLong(id));
    return Optional.ofNullable(record).map(LinkedHashMap::new);
  }

  /** Copies of the records of a resource, in id order. */
  public synchronized List<Map<String, Object>> records(String resource) {
    return collection(resource).values().stream().<Map<String, Object>>map(LinkedHashMap::new).toList();
  }

  /**
   * Refuses a POST, PUT or PATCH of {@code resource} with 422 and {@code {"error": reason}} when
   * {@code rule} answers a reason for the record as it would be stored.
   */
  public synchronized RecordApiServer refuse(String resource, Function<Map<String, Object>, Optional<String>> rule) {
    rules.computeIfAbsent(resource, r -> new ArrayList<>()).add(rule);
    return this;
  }

  /** The next {@code times} requests with {@code method} (null: any) answer {@code status} and {@code body}. */
  public synchronized RecordApiServer failNext(String method, int times, int status, String body) {
    for (int i = 0; i < times; i++) failures.add(new Failure(method, status, body));
    return this;
  }

  /** Every request so far, in order of arrival. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests so far with this method. */
  public List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  private TreeMap<Long, Map<String, Object>> collection(String resource) {
    return resources.computeIfAbsent(resource, r -> new TreeMap<>());
  }

  private Map<String, Object> create(String resource, Map<String, Object> fields) {
    long id = nextId++;
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", id);
    fields.forEach((k, v) -> {
      if (!k.equals("id") && !k.equals(UPDATED)) record.put(k, v);
    });
    record.put(UPDATED, stamp());
    collection(resource).put(id, record);
    return record;
  }

  /** Now, in microseconds, and always after the previous stamp, so that updatedAt orders changes. */
  private String stamp() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    if (!now.isAfter(lastStamp)) now = lastStamp.plus(1, ChronoUnit.MICROS);
    lastStamp = now;
    return now.toString();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(method, path, rawQuery == null ? "" : rawQuery, body));
      Reply reply;
      try {
        reply = answer(method, path, query(rawQuery), body, exchange.getRequestHeaders().getFirst("Authorization"));
      } catch (JsonProcessingException e) {
        reply = Reply.error(400, "the body is not a JSON object: " + e.getOriginalMessage());
      } catch (RuntimeException e) {
        reply = Reply.error(500, "server error: " + e);
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
      if (bytes.length > 0) exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private record Reply(int status, Map<String, String> headers, Object body) {
    static Reply json(int status, Object body) {
      return new Reply(status, Map.of(), body);
    }

    static Reply error(int status, String message) {
      return new Reply(status, Map.of(), Map.of("error", message));
    }
  }

  private synchronized Reply answer(String method, String path, Map<String, String> query, String body, String auth)
      throws JsonProcessingException {
    if (token.isPresent() && !("Bearer " + token.get()).equals(auth)) return Reply.error(401, "missing or wrong bearer token");
    Failure failure = failures.peek();
    if (failure != null && (failure.method() == null || failure.method().equals(method))) {
      failures.poll();
      return new Reply(failure.status(), Map.of(), failure.body() == null ? null : Map.of("error", failure.body()));
    }
    String[] segments = path.replaceAll("^/+|/+$", "").split("/");
    if (segments.length == 0 || segments[0].isEmpty() || segments.length > 2) return Reply.error(404, "no such resource: " + path);
    String resource = segments[0];
    if (segments.length == 1) {
      return switch (method) {
        case "GET" -> list(resource, path, query);
        case "POST" -> {
          Map<String, Object> fields = object(body);
          Optional<String> refused = refusal(resource, fields);
          if (refused.isPresent()) yield Reply.error(422, refused.get());
          Map<String, Object> created = create(resource, fields);
          yield new Reply(201, Map.of("Location", path + "/" + created.get("id")), new LinkedHashMap<>(created));
        }
        default -> Reply.error(405, method + " is not allowed on " + path);
      };
    }
    long id;
    try {
      id = Long.parseLong(segments[1]);
    } catch (NumberFormatException e) {
      return Reply.error(404, "no " + resource + " with id " + segments[1]);
    }
    Map<String, Object> record = collection(resource).get(id);
    if (record == null) return Reply.error(404, "no " + resource + " with id " + id);
    return switch (method) {
      case "GET" -> Reply.json(200, new LinkedHashMap<>(record));
      case "PATCH", "PUT" -> {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("id", id);
        if (method.equals("PATCH")) changed.putAll(record);
        object(body).forEach((k, v) -> {
          if (!k.equals("id") && !k.equals(UPDATED)) changed.put(k, v);
        });
        Optional<String> refused = refusal(resource, changed);
        if (refused.isPresent()) yield Reply.error(422, refused.get());
        changed.put(UPDATED, stamp());
        record.clear();
        record.putAll(changed);
        yield Reply.json(200, new LinkedHashMap<>(record));
      }
      case "DELETE" -> {
        collection(resource).remove(id);
        yield new Reply(204, Map.of(), null);
      }
      default -> Reply.error(405, method + " is not allowed on " + path);
    };
  }

  private Reply list(String resource, String path, Map<String, String> query) {
    Optional<Instant> since = Optional.ofNullable(query.get("updated_since")).map(Instant::parse);
    List<Map<String, Object>> matching = collection(resource).values().stream()
        .filter(r -> since.isEmpty() || !Instant.parse((String) r.get(UPDATED)).isBefore(since.get()))
        .toList();
    int size = Integer.parseInt(query.getOrDefault("per_page", query.getOrDefault("limit", String.valueOf(pageSize))));
    int from;
    if (query.containsKey("cursor")) from = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8));
    else if (query.containsKey("offset")) from = Integer.parseInt(query.get("offset"));
    else from = (Integer.parseInt(query.getOrDefault("page", "1")) - 1) * size;
    from = Math.max(0, Math.min(from, matching.size()));
    int to = Math.min(matching.size(), from + size);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("data", matching.subList(from, to).stream().map(LinkedHashMap::new).toList());
    Map<String, String> headers = Map.of();
    if (to < matching.size()) {
      String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8));
      page.put("next_cursor", cursor);
      StringBuilder next = new StringBuilder(url()).append(path).append("?cursor=").append(cursor).append("&per_page=").append(size);
      since.ifPresent(s -> next.append("&updated_since=").append(s));
      headers = Map.of("Link", "<" + next + ">; rel=\"next\"");
    } else {
      page.put("next_cursor", null);
    }
    return new Reply(200, headers, plainLists ? page.get("data") : page);
  }

  private Optional<String> refusal(String resource, Map<String, Object> record) {
    for (var rule : rules.getOrDefault(resource, List.of())) {
      Optional<String> reason = rule.apply(record);
      if (reason.isPresent()) return reason;
    }
    return Optional.empty();
  }

  private static Map<String, Object> object(String body) throws JsonProcessingException {
    if (body.isBlank()) return new LinkedHashMap<>();
    return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return query;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
