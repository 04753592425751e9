package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.weft.connector.GrantedTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A customer connects a system through a real OAuth 2 server (authorization code with PKCE; it
 * consents at once), a flow reads an API that checks the bearer token's signature and expiry, the
 * short-lived token expires and is renewed with the rotating refresh token, and a token the API
 * revokes is renewed after one 401. No token or client secret shows in a response, a log line or
 * the store's files.
 */
class OAuthConnectTest {
  /** Issues tokens that live {@link #TOKEN_SECONDS}; {@code long} issues tokens for an hour. */
  private static final String ISSUER = "shop";
  private static final String LONG = "long";
  private static final String CLIENT_SECRET = "client-secret-KEEP-OUT-5150";
  private static final long TOKEN_SECONDS = 3;

  @TempDir Path dir;
  private final MockOAuth2Server oauth = new MockOAuth2Server(new OAuth2Config(false, null, null, true, new OAuth2TokenProvider(),
      Set.of(new DefaultOAuth2TokenCallback(ISSUER, "customer-42", "JWT", List.of("shop-api"), Map.of(), TOKEN_SECONDS),
          new DefaultOAuth2TokenCallback(LONG, "customer-42", "JWT", List.of("shop-api"), Map.of(), 3600))));
  private final List<Integer> answers = new CopyOnWriteArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final List<String> bodies = new ArrayList<>();
  private final String table = "oauth_orders_" + Long.toHexString(System.nanoTime());
  private HttpServer api;
  private Fixture f;

  @BeforeEach
  void start() throws Exception {
    oauth.start(InetAddress.getByName("127.0.0.1"), 0);
    api = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    api.createContext("/orders", exchange -> {
      String header = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      String token = header.startsWith("Bearer ") ? header.substring(7) : "";
      seen.add(token);
      boolean ok = valid(token);
      answers.add(ok ? 200 : 401);
      byte[] body = (ok ? "[{\"id\":\"o-1\",\"total\":5},{\"id\":\"o-2\",\"total\":7}]" : "{\"error\":\"invalid_token\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
    try (Connection c = DriverManager.getConnection(targetUrl())) {
      c.createStatement().execute("CREATE TABLE " + table + " (order_id VARCHAR(40) PRIMARY KEY, total DECIMAL(12,2))");
    }
  }

  /** The server with the integration whose tokens come from {@code issuer}, and the instance acme-shop. */
  private void serve(String issuer) throws Exception {
    f = new Fixture(dir, "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0", spec(issuer));
    f.server.secrets().set("shop_client_secret", CLIENT_SECRET);
    Fixture.Response created = f.call("POST", "/api/instances", Fixture.ADMIN,
        Json.write(Map.of("id", "acme-shop", "customer", "acme", "integration", "shop-oauth", "environment", "test")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  /** Follows a one-time connect link as a browser would; the provider consents at once. */
  private void connect() throws Exception {
    Fixture.Response link = call("POST", "/api/instances/acme-shop/connections/shop/link");
    assertThat(link.status()).as(link.body()).isEqualTo(201);
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(String.valueOf(link.json().get("url")))).build(),
        HttpResponse.BodyHandlers.ofString());
    bodies.add(consent.body());
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    if (f != null) f.close();
    api.stop(0);
    oauth.shutdown();
  }

  /** What a resource server does: the signature by the issuer's key, and the expiry. */
  private boolean valid(String token) {
    if (token.isEmpty() || revoked.contains(token)) return false;
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      // the mock server signs each issuer's tokens with a key named after the issuer
      JWKSet keys = oauth.getConfig().getTokenProvider().publicJwkSet(jwt.getHeader().getKeyID());
      RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
      return key != null && jwt.verify(new RSASSAVerifier(key)) && jwt.getJWTClaimsSet().getExpirationTime().after(new Date());
    } catch (Exception e) {
      return false;
    }
  }

  private String targetUrl() {
    return "jdbc:h2:file:" + dir.resolve("target");
  }

  private String spec(String issuer) {
    return """
        weft: 1
        id: shop-oauth
        name: Shop orders through OAuth
        systems:
          shop:
            name: Shop
            connection: api
            url: API
            format: json
            auth:
              method: oauth2-authorization-code
              scope: customer
              authorize_url: AUTHORIZE
              token_url: TOKEN
              client_id: weft-app
              client_secret: "${secret.shop_client_secret}"
              scopes: [openid, orders.read, offline_access]
          db:
            name: Target database
            ours: true
            connection: datastore
            url: "TARGET"
            auth: { method: none, scope: system }
        flows:
          - id: orders
            trigger: { manual: true }
            source: { system: shop, endpoint: GET /orders }
            map:
              - { from: id, to: order_id, required: true }
              - { from: total, to: total }
            target: { system: db, table: TABLE, write: upsert, key: order_id }
        """.replace("API", "http://127.0.0.1:" + api.getAddress().getPort())
        .replace("AUTHORIZE", oauth.authorizationEndpointUrl(issuer).toString())
        .replace("TOKEN", oauth.tokenEndpointUrl(issuer).toString())
        .replace("TARGET", targetUrl()).replace("TABLE", table);
  }

  private Fixture.Response call(String method, String path) throws Exception {
    Fixture.Response r = f.call(method, path, Fixture.ADMIN, null);
    bodies.add(r.body());
    return r;
  }

  /** Runs the flow now and waits for its end; returns the run as the API shows it. */
  private Map<String, Object> run() throws Exception {
    Fixture.Response started = call("POST", "/api/instances/acme-shop/flows/orders/runs");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String id = String.valueOf(started.json().get("run_id"));
    await().atMost(Duration.ofSeconds(60)).until(() -> !f.call("GET", "/api/runs/" + id, Fixture.ADMIN, null).body().contains("\"status\":\"running\""));
    return call("GET", "/api/runs/" + id).json();
  }

  private GrantedTokens.Grant stored() {
    return new OAuthGrants(f.server.store().dataSource(), SecretBox.of(new byte[32])).find("acme-shop", "shop").orElseThrow();
  }

  @Test
  void a_customer_connects_and_an_expired_token_is_renewed_before_the_next_request() throws Exception {
    serve(ISSUER);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET));
    try {
      Map<String, Object> unconnected = run();
      assertThat(unconnected.get("status")).isEqualTo("failed");
      assertThat(String.valueOf(unconnected.get("error"))).contains("has not connected").contains("/connect/acme-shop/shop");
      assertThat(seen).as("a run without a grant sends nothing").isEmpty();
      assertThat(f.call("GET", "/connect/acme-shop/shop", null, null).status()).as("no token and no link").isEqualTo(401);

      Fixture.Response link = call("POST", "/api/instances/acme-shop/connections/shop/link");
      String url = String.valueOf(link.json().get("url"));
      assertThat(url).startsWith(f.url() + "/connect/acme-shop/shop?link=");
      HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      bodies.add(consent.body());
      assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
      assertThat(consent.body()).contains("Shop is connected for acme-shop");
      assertThat(consent.uri().getPath()).isEqualTo(OAuthConnect.CALLBACK);
      assertThat(browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("a connect link works once").isEqualTo(401);
      HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(f.url() + OAuthConnect.CALLBACK + "?code=x&state=made-up"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(call("GET", "/api/instances/acme-shop/connections").body()).contains("\"system\":\"shop\"").contains("\"connected\":true");

      Map<String, Object> connected = run();
      assertThat(connected.get("status")).as(String.valueOf(connected)).isEqualTo("succeeded");
      assertThat(connected.get("written")).isEqualTo(2);
      GrantedTokens.Grant before = stored();
      secrets.add(before.accessToken());
      secrets.add(before.refreshToken().orElseThrow());

      // the token expires: the next run renews it with the refresh token before it sends anything
      await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(before.expiresAt().orElseThrow()));
      int sent = seen.size();
      Map<String, Object> afterExpiry = run();
      assertThat(afterExpiry.get("status")).as(String.valueOf(afterExpiry)).isEqualTo("succeeded");
      GrantedTokens.Grant after = stored();
      secrets.add(after.accessToken());
      secrets.add(after.refreshToken().orElseThrow());
      assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
      assertThat(after.refreshToken()).as("the provider rotates refresh tokens; the new one is stored").isNotEqualTo(before.refreshToken());
      assertThat(seen.subList(sent, seen.size())).as("the expired token was not sent").doesNotContain(before.accessToken()).isNotEmpty();
      assertThat(answers.subList(sent, answers.size())).as("and the API refused nothing").containsOnly(200);
      secrets.addAll(seen);

      for (String path : List.of("/api/instances", "/api/instances/acme-shop", "/api/instances/acme-shop/connections", "/api/runs", "/api/secrets"))
        call("GET", path);
      String everything = String.join("\n", bodies);
      for (String secret : secrets) assertThat(everything).doesNotContain(secret);
      assertThat(logs.list).isNotEmpty();
      for (ILoggingEvent e : logs.list)
        for (String secret : secrets) assertThat(e.getFormattedMessage()).doesNotContain(secret);
    } finally {
      root.detachAppender(logs);
    }
    f.close();
    f = null;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().startsWith("state")).toList()) {
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).as(file.toString()).contains("acme-shop");
        for (String secret : secrets) assertThat(raw).as(file.toString()).doesNotContain(secret);
      }
    }
  }

  @Test
  void a_token_the_api_refuses_is_renewed_once_and_the_request_sent_again() throws Exception {
    serve(LONG);
    connect();
    assertThat(run().get("status")).isEqualTo("succeeded");
    GrantedTokens.Grant first = stored();
    assertThat(seen).containsExactly(first.accessToken());

    revoked.add(first.accessToken()); // the provider revoked it long before it expires
    Map<String, Object> again = run();
    assertThat(again.get("status")).as(String.valueOf(again)).isEqualTo("succeeded");
    GrantedTokens.Grant renewed = stored();
    assertThat(renewed.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(seen).containsExactly(first.accessToken(), first.accessToken(), renewed.accessToken());
    assertThat(answers).containsExactly(200, 401, 200);
    try (Connection c = DriverManager.getConnection(targetUrl());
        ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void deleting_the_instance_drops_its_grant_and_a_refused_consent_stores_nothing() throws Exception {
    serve(ISSUER);
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(URI.create(f.url() + "/connect/acme-shop/shop"))
        .header("Authorization", "Bearer " + Fixture.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(oauth.authorizationEndpointUrl(ISSUER).toString())
        .contains("code_challenge_method=S256").contains("client_id=weft-app").contains("scope=openid%20orders.read%20offline_access")
        .contains("redirect_uri=" + java.net.URLEncoder.encode(f.url() + OAuthConnect.CALLBACK, StandardCharsets.UTF_8))
        .doesNotContain(CLIENT_SECRET);
    String state = authorize.getRawQuery().replaceAll(".*state=([^&]+).*", "$1");
    HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(f.url() + OAuthConnect.CALLBACK
        + "?error=access_denied&state=" + state)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("did not grant access (access_denied)");
    assertThat(new OAuthGrants(f.server.store().dataSource(), SecretBox.of(new byte[32])).connected("acme-shop")).isEmpty();

    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    String url = String.valueOf(f.call("POST", "/api/instances/acme-shop/connections/shop/link", Fixture.ADMIN, null).json().get("url"));
    assertThat(following.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(new OAuthGrants(f.server.store().dataSource(), SecretBox.of(new byte[32])).connected("acme-shop")).containsOnlyKeys("shop");
    assertThat(f.call("DELETE", "/api/instances/acme-shop", Fixture.ADMIN, null).status()).isEqualTo(204);
    assertThat(new OAuthGrants(f.server.store().dataSource(), SecretBox.of(new byte[32])).connected("acme-shop")).isEmpty();
  }
}
