package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.GrantedTokens;
import dev.weft.connector.RunInfo;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.SystemDef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Calls one system's API as configured: its credentials on every attempt, its rate limit, the
 * flow's retries. A 401 renews OAuth 2 tokens once; a 401 or 403 that remains is a {@link
 * ConfigException}.
 */
final class ApiClient implements AutoCloseable {
  private final SystemDef system;
  private final URI base;
  private final Transport transport;
  private final Credentials credentials;
  private final Optional<RateLimits.Lease> rateLimit;
  private final HttpSettings settings;

  private ApiClient(
      SystemDef system,
      URI base,
      HttpSettings settings,
      Transport transport,
      Credentials credentials,
      Optional<RateLimits.Lease> rateLimit) {
    this.system = system;
    this.settings = settings;
    this.base = base;
    this.transport = transport;
    this.credentials = credentials;
    this.rateLimit = rateLimit;
  }

  static ApiClient open(SystemDef system, ErrorPolicy errors, RunInfo run) throws ConfigException {
    URI base = system.uri().filter(u -> u.getHost() != null).orElseThrow(
        () -> new ConfigException(system.displayName() + ": url '" + system.url() + "' is not an http(s) URL"));
    HttpSettings settings = HttpSettings.of(system, errors);
    Transport transport = new Transport(system.displayName(), "http".equals(system.scheme()), settings);
    try {
      Optional<GrantedTokens> grants = run.grants() instanceof GrantedTokens.None ? Optional.empty() : Optional.of(run.grants());
      Credentials credentials = Credentials.of(system, transport, settings, grants);
      return new ApiClient(system, base, settings, transport, credentials, RateLimits.lease(run, system));
    } catch (ConfigException | RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  SystemDef system() {
    return system;
  }

  HttpSettings settings() {
    return settings;
  }

  Credentials credentials() {
    return credentials;
  }

  /** The system URL followed by {@code path} (which may carry a query string); an absolute URL stays as it is. */
  URI resolve(String path) throws ConfigException {
    try {
      if (path.startsWith("http://") || path.startsWith("https://")) return URI.create(path);
      String root = base.toString();
      while (root.endsWith("/")) root = root.substring(0, root.length() - 1);
      return URI.create(root + (path.startsWith("/") ? path : "/" + path));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(system.displayName() + ": endpoint path '" + path + "' is not a valid URL path: " + e.getMessage());
    }
  }

  ApiResponse send(ApiRequest request) throws ConnectorException {
    ApiResponse response = attempt(request);
    if (response.status() == 401 && credentials.renew(response.sent())) response = attempt(request);
    if (response.refused())
      throw new ConfigException(
          system.displayName() + ": the API refused the credentials (" + response.status() + ")",
          system.displayName() + ": the API refused the credentials (" + response.status() + ") for " + request.describe(),
          null);
    return response;
  }

  private ApiResponse attempt(ApiRequest request) throws ConnectorException {
    return transport.exchange(request, () -> build(request), this::acquirePermit);
  }

  private void acquirePermit() throws InterruptedException {
    if (rateLimit.isPresent()) rateLimit.get().acquire();
  }

  private HttpRequest build(ApiRequest request) throws ConnectorException {
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(transport.requestTimeout());
    for (Map.Entry<String, String> header : request.headers().entrySet()) b.setHeader(header.getKey(), header.getValue());
    URI uri = credentials.apply(request.uri(), b);
    b.uri(uri);
    if (request.body().isPresent()) {
      ApiRequest.Body body = request.body().get();
      b.setHeader("Content-Type", body.contentType());
      b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    } else {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  @Override
  public void close() {
    rateLimit.ifPresent(RateLimits.Lease::close);
    transport.close();
  }
}
