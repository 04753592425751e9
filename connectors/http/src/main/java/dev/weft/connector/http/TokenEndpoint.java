package dev.weft.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SystemException;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2 client-credentials grant (RFC 6749 §4.4): POSTs {@code grant_type=client_credentials}
 * to the token URL with the client id and secret in a basic auth header (the RFC's default) or,
 * with {@code options.token_auth: form}, in the form. The token is kept until shortly before its
 * {@code expires_in} runs out, or until the API refuses it.
 */
final class TokenEndpoint {
  private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LONGEST_MARGIN = Duration.ofSeconds(60);

  private final String systemName;
  private final Auth.OAuth2ClientCredentials auth;
  private final Transport transport;
  private final HttpSettings.TokenAuth mode;
  private final Clock clock;
  private final URI tokenUrl;
  // a lock rather than synchronized: sink requests run on virtual threads, and a fetch does I/O
  private final ReentrantLock lock = new ReentrantLock();
  private Optional<String> token = Optional.empty();
  private Instant renewAt = Instant.MAX;

  TokenEndpoint(
      SystemDef system, Auth.OAuth2ClientCredentials auth, Transport transport, HttpSettings.TokenAuth mode)
      throws ConfigException {
    this.systemName = system.displayName();
    this.auth = auth;
    this.transport = transport;
    this.mode = mode;
    this.clock = Clock.systemUTC();
    try {
      this.tokenUrl = URI.create(auth.tokenUrl());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(systemName + ": token_url is not a URL: " + e.getMessage());
    }
  }

  /** A valid access token, fetched when there is none or the one held is about to expire. */
  String current() throws ConnectorException {
    lock.lock();
    try {
      if (token.isEmpty() || !clock.instant().isBefore(renewAt)) fetch();
      return token.orElseThrow();
    } finally {
      lock.unlock();
    }
  }

  /** Drops {@code refused} if it is still the token held, so that the next call fetches a new one. */
  void forget(String refused) {
    lock.lock();
    try {
      if (token.isPresent() && token.get().equals(refused)) token = Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  private void fetch() throws ConnectorException {
    ApiRequest request =
        new ApiRequest(
            "POST",
            tokenUrl,
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
            Optional.of(new ApiRequest.Body(form(), "application/x-www-form-urlencoded")));
    Instant asked = clock.instant();
    ApiResponse response =
        transport.exchange(
            request,
            () -> {
              HttpRequest.Builder b =
                  HttpRequest.newBuilder(tokenUrl)
                      .timeout(transport.requestTimeout())
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("Accept", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(request.body().orElseThrow().bytes()));
              if (mode == HttpSettings.TokenAuth.BASIC)
                b.header(
                    "Authorization",
                    Credentials.basic(QueryString.encode(auth.clientId()), QueryString.encode(auth.clientSecret())));
              return b.build();
            },
            () -> {});
    if (!response.ok())
      throw new ConfigException(
          systemName + ": the token endpoint refused the client credentials (" + response.status() + ")",
          systemName + ": the token endpoint refused the client credentials (" + response.status() + "): " + response.excerpt(),
          null);
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SystemException(systemName + ": the token endpoint's answer is not JSON", e);
    }
    JsonNode accessToken = body == null ? null : body.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty())
      throw new SystemException(systemName + ": the token endpoint's answer has no access_token");
    token = Optional.of(accessToken.asText());
    JsonNode expiresIn = body.get("expires_in");
    long seconds = expiresIn == null ? 0 : expiresIn.asLong(0);
    if (seconds > 0) {
      Duration lifetime = Duration.ofSeconds(seconds);
      Duration margin = lifetime.dividedBy(10);
      if (margin.compareTo(LONGEST_MARGIN) > 0) margin = LONGEST_MARGIN;
      renewAt = asked.plus(lifetime).minus(margin);
    } else {
      renewAt = Instant.MAX;
    }
    log.debug("{}: fetched an access token, renewing at {}", systemName, renewAt);
  }

  private byte[] form() {
    List<String> fields = new ArrayList<>();
    fields.add("grant_type=client_credentials");
    if (!auth.scopes().isEmpty()) fields.add("scope=" + QueryString.encode(String.join(" ", auth.scopes())));
    if (mode == HttpSettings.TokenAuth.FORM) {
      fields.add("client_id=" + QueryString.encode(auth.clientId()));
      fields.add("client_secret=" + QueryString.encode(auth.clientSecret()));
    }
    return String.join("&", fields).getBytes(StandardCharsets.UTF_8);
  }
}
