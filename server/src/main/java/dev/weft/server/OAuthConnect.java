package dev.weft.server;

import dev.weft.connector.GrantedTokens;
import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2 authorization-code consent (RFC 6749 §4.1 with PKCE, RFC 7636) for systems whose auth
 * is {@code oauth2-authorization-code}: {@code GET /connect/{instance}/{system}} sends the customer's
 * browser to the provider with a one-time state and a code challenge; {@code GET /connect/callback}
 * checks the state, exchanges the code with the verifier and stores the tokens sealed as that
 * instance's grant. A browser has no API token, so the API hands out one-time connect links.
 */
final class OAuthConnect {
  private static final Logger log = LoggerFactory.getLogger(OAuthConnect.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration CONSENT_TIME = Duration.ofMinutes(10);
  private static final Duration LINK_TIME = Duration.ofHours(24);
  static final String CALLBACK = "/connect/callback";

  private final DataSource dataSource;
  private final Catalog catalog;
  private final Instances instances;
  private final OperatorSecrets secrets;
  private final SecretBox box;
  private final OAuthGrants grants;
  private final Tokens tokens;
  private final Function<String, Optional<String>> env;
  private final Supplier<String> publicUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  OAuthConnect(DataSource dataSource, Catalog catalog, Instances instances, OperatorSecrets secrets, SecretBox box, OAuthGrants grants,
      Tokens tokens, Function<String, Optional<String>> env, Supplier<String> publicUrl) {
    this.dataSource = dataSource;
    this.catalog = catalog;
    this.instances = instances;
    this.secrets = secrets;
    this.box = box;
    this.grants = grants;
    this.tokens = tokens;
    this.env = env;
    this.publicUrl = publicUrl;
  }

  void register(JavalinConfig c) {
    c.routes.get("/connect/callback", this::callback);
    c.routes.get("/connect/{instance}/{system}", this::start);
    c.routes.get("/api/instances/{id}/connections", ctx -> {
      Instance i = visible(ctx, ctx.pathParam("id"));
      Map<String, Optional<Instant>> connected = grants.connected(i.id());
      List<Map<String, Object>> out = new ArrayList<>();
      for (SystemDef system : oauthSystems(i)) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("system", system.id());
        one.put("name", system.displayName());
        one.put("connected", connected.containsKey(system.id()));
        one.put("expires_at", Optional.ofNullable(connected.get(system.id())).flatMap(o -> o).map(Instant::toString).orElse(null));
        one.put("connect", "/connect/" + i.id() + "/" + system.id());
        out.add(one);
      }
      Api.json(ctx, 200, out);
    });
    c.routes.post("/api/instances/{id}/connections/{system}/link", ctx -> {
      Instance i = visible(ctx, ctx.pathParam("id"));
      SystemDef system = oauthSystem(i, ctx.pathParam("system"));
      String link = random(24);
      Instant until = Instant.now().plus(LINK_TIME);
      Sql.with(dataSource, "store a connect link", "INSERT INTO oauth_links (link_hash, instance, system_id, expires_at) VALUES (?, ?, ?, ?)", s -> {
        s.setString(1, Tokens.hash(link));
        s.setString(2, i.id());
        s.setString(3, system.id());
        s.setObject(4, until.atOffset(ZoneOffset.UTC));
        return s.executeUpdate();
      });
      Api.json(ctx, 201, Map.of("url", publicUrl.get() + "/connect/" + i.id() + "/" + system.id() + "?link=" + link,
          "expires_at", until.toString()));
    });
    // an instance deleted takes its grants along: a new instance of the same id must not inherit them
    c.routes.after("/api/instances/{id}", ctx -> {
      if (ctx.method() == io.javalin.http.HandlerType.DELETE && ctx.statusCode() == 204) grants.deleteAll(ctx.pathParam("id"));
    });
    c.routes.delete("/api/instances/{id}/connections/{system}", ctx -> {
      Instance i = visible(ctx, ctx.pathParam("id"));
      if (!grants.delete(i.id(), oauthSystem(i, ctx.pathParam("system")).id()))
        throw new Refused(404, "system " + ctx.pathParam("system") + " of instance " + i.id() + " is not connected");
      ctx.status(204);
    });
  }

  /** Where a customer connects a system: for messages of runs that find no grant. */
  String hint(String instance, String systemId) {
    return "connect it at " + publicUrl.get() + "/connect/" + instance + "/" + systemId
        + " or get a link with POST /api/instances/" + instance + "/connections/" + systemId + "/link";
  }

  private void start(Context ctx) {
    String instanceId = ctx.pathParam("instance");
    String systemId = ctx.pathParam("system");
    Instance instance = authorizedToConnect(ctx, instanceId, systemId);
    SystemDef system = oauthSystem(instance, systemId);
    Auth.OAuth2AuthorizationCode auth = resolved(instance, system);
    String state = random(32);
    String verifier = random(32);
    Sql.with(dataSource, "store a consent in progress",
        "INSERT INTO oauth_pending (state_hash, instance, system_id, sealed_verifier, expires_at) VALUES (?, ?, ?, ?, ?)", s -> {
          s.setString(1, Tokens.hash(state));
          s.setString(2, instance.id());
          s.setString(3, system.id());
          s.setString(4, box.encrypt(verifier));
          s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC).plus(CONSENT_TIME));
          return s.executeUpdate();
        });
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", auth.clientId());
    query.put("redirect_uri", redirectUri());
    if (!auth.scopes().isEmpty()) query.put("scope", String.join(" ", auth.scopes()));
    query.put("state", state);
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    String url = auth.authorizeUrl() + (auth.authorizeUrl().contains("?") ? "&" : "?") + form(query);
    log.info("consent for {}/{} started", instance.id(), system.id());
    ctx.redirect(url, io.javalin.http.HttpStatus.FOUND);
  }

  private void callback(Context ctx) {
    String state = Optional.ofNullable(ctx.queryParam("state")).orElse("");
    Optional<Pending> pending = takePending(state);
    if (pending.isEmpty()) {
      page(ctx, 400, "This consent link is unknown, was used already or has expired. Start again from the connect link.");
      return;
    }
    Pending p = pending.get();
    String error = ctx.queryParam("error");
    if (error != null) {
      log.info("consent for {}/{} refused by the provider: {}", p.instance(), p.systemId(), error.replaceAll("[^A-Za-z0-9_]", ""));
      page(ctx, 400, "The provider did not grant access (" + error + "). Nothing was stored; start again to retry.");
      return;
    }
    String code = ctx.queryParam("code");
    Optional<Instance> instance = instances.get(p.instance());
    if (code == null || instance.isEmpty()) {
      page(ctx, 400, code == null ? "The provider sent no authorization code." : "The instance " + p.instance() + " no longer exists.");
      return;
    }
    SystemDef system = oauthSystem(instance.get(), p.systemId());
    Auth.OAuth2AuthorizationCode auth = resolved(instance.get(), system);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", redirectUri());
    fields.put("code_verifier", p.verifier());
    boolean inForm = "form".equals(String.valueOf(system.options().get("token_auth")));
    if (inForm) {
      fields.put("client_id", auth.clientId());
      fields.put("client_secret", auth.clientSecret());
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(auth.tokenUrl())).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (!inForm) {
      String pair = URLEncoder.encode(auth.clientId(), StandardCharsets.UTF_8) + ":" + URLEncoder.encode(auth.clientSecret(), StandardCharsets.UTF_8);
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    Instant asked = Instant.now();
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      page(ctx, 502, system.displayName() + "'s token endpoint could not be reached (" + e.getClass().getSimpleName() + "). Start again later.");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      page(ctx, 503, "The server is stopping. Start again later.");
      return;
    }
    Map<String, Object> body;
    try {
      body = Json.readMap(answer.body());
    } catch (IllegalArgumentException e) {
      body = Map.of();
    }
    Object accessToken = body.get("access_token");
    if (answer.statusCode() / 100 != 2 || !(accessToken instanceof String token) || token.isEmpty()) {
      String why = body.get("error") instanceof String s && s.matches("[a-z_]{1,40}") ? s : "status " + answer.statusCode();
      log.warn("code exchange for {}/{} refused: {}", p.instance(), p.systemId(), why);
      page(ctx, 400, system.displayName() + " refused the authorization code (" + why + "). Start again from the connect link.");
      return;
    }
    Optional<String> refresh = body.get("refresh_token") instanceof String r && !r.isEmpty() ? Optional.of(r) : Optional.empty();
    long seconds = body.get("expires_in") instanceof Number n ? n.longValue() : 0;
    grants.put(p.instance(), p.systemId(), new GrantedTokens.Grant(token, refresh, asked,
        seconds > 0 ? Optional.of(asked.plusSeconds(seconds)) : Optional.empty()));
    log.info("instance {} connected system {}", p.instance(), p.systemId());
    page(ctx, 200, system.displayName() + " is connected for " + p.instance() + ". You can close this window.");
  }

  private record Pending(String instance, String systemId, String verifier) {}

  /** The consent in progress with this state, removed so that it is used once; empty when unknown or expired. */
  private Optional<Pending> takePending(String state) {
    if (state.isEmpty()) return Optional.empty();
    String hash = Tokens.hash(state);
    Optional<Pending> found = Sql.with(dataSource, "read a consent in progress",
        "SELECT instance, system_id, sealed_verifier, expires_at FROM oauth_pending WHERE state_hash = ?", s -> {
          s.setString(1, hash);
          try (ResultSet r = s.executeQuery()) {
            if (!r.next() || r.getObject(4, OffsetDateTime.class).toInstant().isBefore(Instant.now())) return Optional.<Pending>empty();
            return Optional.of(new Pending(r.getString(1), r.getString(2), box.decrypt(r.getString(3))));
          }
        });
    boolean taken = Sql.with(dataSource, "end a consent in progress", "DELETE FROM oauth_pending WHERE state_hash = ? OR expires_at < ?", s -> {
      s.setString(1, hash);
      s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      return s.executeUpdate() > 0;
    });
    return taken ? found : Optional.empty();
  }

  /** A caller who sees the instance (API token), or a one-time connect link for this instance and system. */
  private Instance authorizedToConnect(Context ctx, String instanceId, String systemId) {
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    if (header.startsWith("Bearer ")) {
      Caller caller = tokens.find(header.substring(7).trim()).orElseThrow(() -> new Refused(401, "unknown token"));
      return instances.get(instanceId).filter(i -> caller.sees(i.customer())).orElseThrow(() -> new Refused(404, "no instance " + instanceId));
    }
    String link = ctx.queryParam("link");
    if (link == null) throw new Refused(401, "open a connect link (POST /api/instances/" + instanceId + "/connections/" + systemId
        + "/link) or send Authorization: Bearer <token>");
    boolean valid = Sql.with(dataSource, "use a connect link",
        "DELETE FROM oauth_links WHERE link_hash = ? AND instance = ? AND system_id = ? AND expires_at > ?", s -> {
          s.setString(1, Tokens.hash(link));
          s.setString(2, instanceId);
          s.setString(3, systemId);
          s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
          return s.executeUpdate() > 0;
        });
    if (!valid) throw new Refused(401, "this connect link is unknown, was used already or has expired");
    return instances.get(instanceId).orElseThrow(() -> new Refused(404, "no instance " + instanceId));
  }

  private Instance visible(Context ctx, String id) {
    Caller caller = Api.caller(ctx);
    return instances.get(id).filter(i -> caller.sees(i.customer())).orElseThrow(() -> new Refused(404, "no instance " + id));
  }

  private Spec spec(Instance i) {
    return catalog.resolve(i.integrationId(), i.version(), i.environment()).map(SpecVersion::spec)
        .orElseThrow(() -> new Refused(409, "instance " + i.id() + " has no version of " + i.integrationId() + " to run"));
  }

  private List<SystemDef> oauthSystems(Instance i) {
    return catalog.resolve(i.integrationId(), i.version(), i.environment()).map(v -> v.spec().systems().values().stream()
        .filter(s -> s.auth() instanceof Auth.OAuth2AuthorizationCode).toList()).orElse(List.of());
  }

  private SystemDef oauthSystem(Instance i, String systemId) {
    Spec spec = spec(i);
    SystemDef system = spec.systems().get(systemId);
    if (system == null) throw new Refused(404, "integration " + spec.id() + " has no system " + systemId);
    if (!(system.auth() instanceof Auth.OAuth2AuthorizationCode))
      throw new Refused(409, "system " + systemId + " does not use oauth2-authorization-code (it uses " + system.auth().method() + ")");
    return system;
  }

  /** The system's auth with {@code ${config.X}}, {@code ${secret.X}} and {@code ${env.X}} filled in. */
  private Auth.OAuth2AuthorizationCode resolved(Instance instance, SystemDef system) {
    Auth.OAuth2AuthorizationCode a = (Auth.OAuth2AuthorizationCode) system.auth();
    Spec spec = spec(instance);
    Function<String, Optional<String>> config = key -> {
      Object value = instance.sealedConfig().get(key);
      if (value == null) value = spec.configOption(key).flatMap(ConfigOption::defaultValue).orElse(null);
      if (value == null) return Optional.empty();
      boolean secret = spec.configOption(key).map(o -> o.type() == ConfigOption.Type.SECRET).orElse(false);
      return Optional.of(secret ? box.decrypt(String.valueOf(value)) : String.valueOf(value));
    };
    Function<String, String> fill = text -> Placeholders.resolve(text, config, secrets::get, env)
        .orElseThrow(() -> new Refused(409, "system " + system.id() + ": a value its auth needs is not set (" + text.replaceAll("^.*?(\\$\\{[^}]+}).*$", "$1") + ")"));
    return new Auth.OAuth2AuthorizationCode(a.scope(), fill.apply(a.authorizeUrl()), fill.apply(a.tokenUrl()), fill.apply(a.clientId()),
        fill.apply(a.clientSecret()), a.scopes());
  }

  private String redirectUri() {
    return publicUrl.get() + CALLBACK;
  }

  private static void page(Context ctx, int status, String message) {
    String text = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
        .result("<!doctype html><html><head><meta charset=\"utf-8\"><title>Weft</title></head><body><p>" + text + "</p></body></html>");
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return String.join("&", pairs);
  }
}
