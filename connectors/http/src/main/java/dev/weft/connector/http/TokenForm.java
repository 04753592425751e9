package dev.weft.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.SystemException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to an OAuth 2 token endpoint (RFC 6749 §3.2): a form POST with the client id and
 * secret in a basic auth header (the RFC's default) or, with {@code options.token_auth: form}, in
 * the form; the answer's {@code access_token}, {@code refresh_token} and {@code expires_in}.
 * Neither the form nor the answer is ever logged.
 */
final class TokenForm {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a token endpoint issued. */
  record Issued(String accessToken, Optional<String> refreshToken, Optional<Duration> expiresIn) {
    @Override
    public String toString() {
      return "Issued[accessToken=****, refreshToken=" + refreshToken.map(t -> "****") + ", expiresIn=" + expiresIn + "]";
    }
  }

  private final String systemName;
  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final Transport transport;
  private final HttpSettings.TokenAuth mode;

  TokenForm(String systemName, String tokenUrl, String clientId, String clientSecret, Transport transport, HttpSettings.TokenAuth mode)
      throws ConfigException {
    this.systemName = systemName;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.transport = transport;
    this.mode = mode;
    try {
      this.tokenUrl = URI.create(tokenUrl);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(systemName + ": token_url is not a URL: " + e.getMessage());
    }
  }

  /**
   * Posts the grant's fields (with the client's credentials) and reads the answer.
   *
   * @param refusal what a refusal means, for people: "the token endpoint refused the client credentials"
   */
  Issued post(Map<String, String> grant, String refusal) throws ConnectorException {
    Map<String, String> fields = new LinkedHashMap<>(grant);
    if (mode == HttpSettings.TokenAuth.FORM) {
      fields.put("client_id", clientId);
      fields.put("client_secret", clientSecret);
    }
    byte[] form = encode(fields);
    ApiRequest request = new ApiRequest("POST", tokenUrl,
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
        Optional.of(new ApiRequest.Body(form, "application/x-www-form-urlencoded")));
    ApiResponse response = transport.exchange(request, () -> {
      HttpRequest.Builder b = HttpRequest.newBuilder(tokenUrl)
          .timeout(transport.requestTimeout())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(form));
      if (mode == HttpSettings.TokenAuth.BASIC)
        b.header("Authorization", Credentials.basic(QueryString.encode(clientId), QueryString.encode(clientSecret)));
      return b.build();
    }, () -> {});
    if (!response.ok())
      throw new ConfigException(
          systemName + ": " + refusal + " (" + response.status() + errorCode(response).map(c -> ", " + c).orElse("") + ")",
          systemName + ": " + refusal + " (" + response.status() + "): " + response.excerpt(),
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
    JsonNode refresh = body.get("refresh_token");
    JsonNode expiresIn = body.get("expires_in");
    long seconds = expiresIn == null ? 0 : expiresIn.asLong(0);
    return new Issued(accessToken.asText(),
        refresh != null && refresh.isTextual() && !refresh.asText().isEmpty() ? Optional.of(refresh.asText()) : Optional.empty(),
        seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty());
  }

  /** The RFC 6749 {@code error} code of a refusal ({@code invalid_grant}), which holds no secret. */
  private static Optional<String> errorCode(ApiResponse response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      JsonNode error = body == null ? null : body.get("error");
      return error != null && error.isTextual() && error.asText().matches("[a-z_]{1,40}") ? Optional.of(error.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] encode(Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach((k, v) -> pairs.add(k + "=" + QueryString.encode(v)));
    return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
  }
}
