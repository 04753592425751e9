package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SystemException;
import dev.weft.connector.WriteResult;
import dev.weft.model.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;

/**
 * Writes records to an API endpoint: one request per record ({@code PUT /invoices/{{number}}}),
 * or arrays of up to {@code batch} records per request. Requests run concurrently (at most
 * {@code options.concurrency}, default 8, at a time, within the system's rate limit); requests to the same URL keep
 * the batch's order. A POST carries {@code Idempotency-Key}, stable per record (or per array), so
 * a resumed run does not create twice on APIs that honour it. A 2xx is success; another 4xx
 * rejects the record (or the array's records) with the status and the start of the answer.
 */
final class HttpSink implements Sink {
  private final ApiClient client;
  private final BodyFormat body;
  private final String method;
  private final PathTemplate path;
  private final Optional<Integer> arraySize;

  HttpSink(ApiClient client, BodyFormat body, Endpoint endpoint, Optional<Integer> arraySize, RunInfo run)
      throws ConfigException {
    this.client = client;
    this.body = body;
    this.method = endpoint.method().toUpperCase(java.util.Locale.ROOT);
    this.path = PathTemplate.of(endpoint.path(), run);
    this.arraySize = arraySize;
    if (arraySize.isPresent() && path.hasFields())
      throw new ConfigException(
          client.system().displayName() + ": target endpoint '" + endpoint + "' has {{field}} templates, which a batch of records cannot fill");
    if (arraySize.isPresent() && arraySize.get() < 1)
      throw new ConfigException(client.system().displayName() + ": target batch must be at least 1");
  }

  /** Records sent in one request: their indexes in the batch. */
  private record Unit(List<Integer> indexes, String path) {}

  private sealed interface Outcome {}

  private record Written(int count) implements Outcome {}

  private record Refused(List<WriteResult.Rejected> rejected) implements Outcome {}

  @Override
  public WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    List<WriteResult.Rejected> rejected = new ArrayList<>();
    Map<String, List<Unit>> byPath = new LinkedHashMap<>();
    for (Unit unit : units(batch, rejected)) byPath.computeIfAbsent(unit.path(), p -> new ArrayList<>()).add(unit);
    List<Outcome> outcomes = sendAll(batch, new ArrayList<>(byPath.values()));
    int written = 0;
    for (Outcome outcome : outcomes) {
      switch (outcome) {
        case Written w -> written += w.count();
        case Refused r -> rejected.addAll(r.rejected());
      }
    }
    rejected.sort(Comparator.comparingInt(WriteResult.Rejected::index));
    return new WriteResult(written, rejected);
  }

  private List<Unit> units(List<SinkRecord> batch, List<WriteResult.Rejected> rejected) {
    List<Unit> units = new ArrayList<>();
    if (arraySize.isPresent()) {
      for (int from = 0; from < batch.size(); from += arraySize.get()) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = from; i < Math.min(batch.size(), from + arraySize.get()); i++) indexes.add(i);
        units.add(new Unit(indexes, path.text()));
      }
      return units;
    }
    for (int i = 0; i < batch.size(); i++) {
      Optional<String> rendered = path.render(batch.get(i).value());
      if (rendered.isEmpty())
        rejected.add(new WriteResult.Rejected(i, "no value for " + String.join(", ", path.missing(batch.get(i).value())) + " in the endpoint path " + path.text()));
      else units.add(new Unit(List.of(i), rendered.get()));
    }
    return units;
  }

  /** Sends each group of units in order, the groups concurrently; the first failure is thrown. */
  private List<Outcome> sendAll(List<SinkRecord> batch, List<List<Unit>> groups) throws ConnectorException {
    List<Outcome> outcomes = new ArrayList<>();
    if (groups.size() == 1) {
      for (Unit unit : groups.getFirst()) outcomes.add(send(batch, unit));
      return outcomes;
    }
    Semaphore inFlight = new Semaphore(client.settings().concurrency());
    List<Future<List<Outcome>>> futures = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (List<Unit> group : groups) {
        futures.add(
            threads.submit(
                () -> {
                  inFlight.acquire();
                  try {
                    List<Outcome> done = new ArrayList<>();
                    for (Unit unit : group) done.add(send(batch, unit));
                    return done;
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      ConnectorException failure = null;
      for (Future<List<Outcome>> future : futures) {
        try {
          outcomes.addAll(future.get());
        } catch (ExecutionException e) {
          ConnectorException cause =
              e.getCause() instanceof ConnectorException c ? c : new SystemException("writing to " + client.system().displayName() + " failed", e.getCause());
          if (failure == null || cause instanceof ConfigException && !(failure instanceof ConfigException)) failure = cause;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          threads.shutdownNow();
          throw new SystemException("interrupted while writing to " + client.system().displayName(), e);
        }
      }
      if (failure != null) throw failure;
    }
    return outcomes;
  }

  private Outcome send(List<SinkRecord> batch, Unit unit) throws ConnectorException {
    List<SinkRecord> records = unit.indexes().stream().map(batch::get).toList();
    byte[] bytes =
        arraySize.isPresent()
            ? body.writeAll(records.stream().map(SinkRecord::value).toList())
            : body.writeOne(records.getFirst().value());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", body.mediaType());
    if (method.equals("POST")) headers.put("Idempotency-Key", idempotencyKey(records));
    boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
    ApiRequest request =
        new ApiRequest(
            method,
            client.resolve(unit.path()),
            headers,
            hasBody ? Optional.of(new ApiRequest.Body(bytes, body.mediaType())) : Optional.empty());
    ApiResponse response = client.send(request);
    if (response.ok()) return new Written(records.size());
    if (response.status() >= 400 && response.status() < 500) {
      String reason = request.describe() + " answered " + response.status() + ": " + response.excerpt();
      return new Refused(unit.indexes().stream().map(i -> new WriteResult.Rejected(i, reason)).toList());
    }
    throw new SystemException(
        client.system().displayName() + " answered " + response.status() + " to " + request.describe(),
        client.system().displayName() + " answered " + response.status() + " to " + request.describe() + ": " + response.excerpt(),
        null);
  }

  /** The record's id, or for an array a digest of its records' ids. */
  static String idempotencyKey(List<SinkRecord> records) {
    if (records.size() == 1) return records.getFirst().id();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (SinkRecord record : records) {
        digest.update(record.id().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return "batch-" + HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JDK", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
