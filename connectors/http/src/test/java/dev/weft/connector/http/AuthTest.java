package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.readAll;
import static dev.weft.connector.http.Specs.source;
import static dev.weft.connector.http.Specs.sourceContext;
import static dev.weft.connector.http.Specs.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.Source;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Auth;
import dev.weft.model.Auth.Scope;
import dev.weft.model.Source.Paginate;
import dev.weft.model.SystemDef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
  private final TestApi api;

  AuthTest() throws Exception {
    api = new TestApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Specs.Read read(SystemDef system) throws Exception {
    try (Source source = new HttpConnector().openSource(sourceContext(system, source("GET /me", Optional.empty(), Paginate.NONE)))) {
      return readAll(source, Checkpoint.START, 100);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anApiKeyGoesInTheNamedHeader() throws Exception {
    api.on("/me", call -> "k-123".equals(call.header("X-Shop-Key")) ? Reply.json("[{\"ok\":true}]") : Reply.status(401));

    Specs.Read read = read(system(api.url(), new Auth.ApiKey(Scope.CUSTOMER, "k-123", Optional.of("X-Shop-Key"), Optional.empty())));

    assertThat(read.records()).hasSize(1);
  }

  @Test
  void anApiKeyInTheQueryIsSentButNeverKeptInACheckpoint() throws Exception {
    api.on("/me", call -> {
      if (!"k 123".equals(call.param("api_key"))) return Reply.status(401);
      // the API echoes its key into the next link, as some do
      return call.param("page") == null
          ? Reply.json("[{\"n\":1}]").with("Link", "</me?page=2&api_key=k+123>; rel=\"next\"")
          : Reply.json("[{\"n\":2}]");
    });
    SystemDef system = system(api.url(), new Auth.ApiKey(Scope.SYSTEM, "k 123", Optional.empty(), Optional.of("api_key")));

    Specs.Read read;
    try (Source source = new HttpConnector().openSource(sourceContext(system, source("GET /me", Optional.empty(), Specs.paginate(Paginate.Style.LINK))))) {
      read = readAll(source, Checkpoint.START, 100);
    }

    assertThat(read.field("n")).containsExactly(1L, 2L);
    assertThat(read.checkpoints()).allSatisfy(c -> assertThat(c.token()).doesNotContain("api_key").doesNotContain("k+123"));
    assertThat(read.records()).allSatisfy(r -> assertThat(r.position()).doesNotContain("k+123"));
  }

  @Test
  void basicAndBearerSetTheAuthorizationHeader() throws Exception {
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));

    assertThat(read(system(api.url(), new Auth.Basic(Scope.SYSTEM, "ada", "s3cret:x"))).field("authorization"))
        .containsExactly(basic("ada", "s3cret:x"));
    assertThat(read(system(api.url(), new Auth.Bearer(Scope.SYSTEM, "tok-1"))).field("authorization"))
        .containsExactly("Bearer tok-1");
  }

  @Test
  void refusedCredentialsStopTheRun() {
    api.on("/me", call -> Reply.of(401, "application/json", "{\"error\":\"bad key\"}"));

    assertThatThrownBy(() -> read(system(api.url(), new Auth.Bearer(Scope.SYSTEM, "wrong"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the API refused the credentials (401)")
        .hasMessageNotContaining("wrong");
    assertThat(api.calls()).hasSize(1);
  }

  @Test
  void authorizationCodeNeedsTheServer() {
    Auth auth = new Auth.OAuth2AuthorizationCode(Scope.CUSTOMER, api.url() + "/authorize", api.url() + "/token", "id", "secret", List.of());

    assertThatThrownBy(() -> read(system(api.url(), auth)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("weft serve");
  }

  /** A token endpoint that issues tok-1, tok-2, ... valid for {@code expiresIn} seconds. */
  private AtomicInteger tokenEndpoint(int expiresIn, String expectedAuthorization, String expectedFormPart) {
    AtomicInteger issued = new AtomicInteger();
    api.on("/oauth/token", call -> {
      String form = call.bodyText();
      boolean clientOk = expectedAuthorization == null
          ? call.header("Authorization") == null && form.contains(expectedFormPart)
          : expectedAuthorization.equals(call.header("Authorization"));
      if (!call.method().equals("POST") || !form.contains("grant_type=client_credentials") || !clientOk)
        return Reply.of(401, "application/json", "{\"error\":\"invalid_client\"}");
      return Reply.json("{\"access_token\":\"tok-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    });
    return issued;
  }

  private SystemDef clientCredentials(Map<String, Object> options) {
    return system(api.url(), new Auth.OAuth2ClientCredentials(Scope.SYSTEM, api.url() + "/oauth/token", "app", "s3cret", List.of("orders.read", "orders.write")), Optional.empty(), options);
  }

  @Test
  void clientCredentialsFetchATokenOnceAndReuseIt() throws Exception {
    AtomicInteger issued = tokenEndpoint(3600, basic("app", "s3cret"), "");
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));
    SystemDef system = clientCredentials(Map.of());

    try (Source source = new HttpConnector().openSource(sourceContext(system, source("GET /me", Optional.empty(), Paginate.NONE)))) {
      for (int i = 0; i < 3; i++) assertThat(readAll(source, Checkpoint.START, 100).field("authorization")).containsExactly("Bearer tok-1");
    }

    assertThat(issued).hasValue(1);
    assertThat(api.calls("/oauth/token").getFirst().bodyText())
        .isEqualTo("grant_type=client_credentials&scope=orders.read%20orders.write");
  }

  @Test
  void clientCredentialsMayGoInTheForm() throws Exception {
    AtomicInteger issued = tokenEndpoint(3600, null, "client_id=app&client_secret=s3cret");
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));

    assertThat(read(clientCredentials(Map.of("token_auth", "form"))).field("authorization")).containsExactly("Bearer tok-1");
    assertThat(issued).hasValue(1);
  }

  @Test
  void aTokenIsRenewedBeforeItExpires() throws Exception {
    AtomicInteger issued = tokenEndpoint(1, basic("app", "s3cret"), "");
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));

    try (Source source = new HttpConnector().openSource(sourceContext(clientCredentials(Map.of()), source("GET /me", Optional.empty(), Paginate.NONE)))) {
      assertThat(readAll(source, Checkpoint.START, 100).field("authorization")).containsExactly("Bearer tok-1");
      Thread.sleep(1_100);
      assertThat(readAll(source, Checkpoint.START, 100).field("authorization")).containsExactly("Bearer tok-2");
    }
    assertThat(issued).hasValue(2);
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheRequestRetried() throws Exception {
    AtomicInteger issued = tokenEndpoint(3600, basic("app", "s3cret"), "");
    // the API revokes tok-1 behind our back
    api.on("/me", call -> "Bearer tok-1".equals(call.header("Authorization"))
        ? Reply.status(401)
        : Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));

    assertThat(read(clientCredentials(Map.of())).field("authorization")).containsExactly("Bearer tok-2");
    assertThat(issued).hasValue(2);
    assertThat(api.calls("/me")).hasSize(2);
  }

  @Test
  void aTokenRefusedAfterRenewalIsAConfigError() {
    AtomicInteger issued = tokenEndpoint(3600, basic("app", "s3cret"), "");
    api.on("/me", call -> Reply.status(401));

    assertThatThrownBy(() -> read(clientCredentials(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused the credentials (401)");
    assertThat(issued).hasValue(2);
  }

  @Test
  void wrongClientCredentialsAreAConfigError() {
    tokenEndpoint(3600, basic("app", "other"), "");
    api.on("/me", call -> Reply.json("[]"));

    assertThatThrownBy(() -> read(clientCredentials(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("token endpoint refused the client credentials (401)")
        .hasMessageNotContaining("s3cret");
  }
}
