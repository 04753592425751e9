package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.GrantedTokens;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Adds a system's credentials to each request attempt. */
sealed interface Credentials {

  /** Adds the credentials to {@code request}; returns the URI to send to (an API key may go in the query). */
  URI apply(URI uri, HttpRequest.Builder request) throws ConnectorException;

  /** After a 401 to {@code refused}: forget the credentials it carried; true when new ones may be fetched. */
  default boolean renew(HttpRequest refused) {
    return false;
  }

  /** A query parameter that holds a secret, to keep out of stored URLs (checkpoints). */
  default Optional<String> secretQueryParam() {
    return Optional.empty();
  }

  /** {@code grants}: the customer's OAuth 2 tokens when the run has them (under {@code weft serve}). */
  static Credentials of(SystemDef system, Transport transport, HttpSettings settings, Optional<GrantedTokens> grants)
      throws ConfigException {
    return switch (system.auth()) {
      case Auth.None n -> new Anonymous();
      case Auth.ApiKey k when k.query().isPresent() -> new QueryKey(k.query().get(), k.key());
      case Auth.ApiKey k -> new Header(k.header().orElse("X-Api-Key"), k.key());
      case Auth.Basic b ->
          new Header("Authorization", basic(b.username(), b.password()));
      case Auth.Bearer b -> new Header("Authorization", "Bearer " + b.token());
      case Auth.OAuth2ClientCredentials c ->
          new OAuthBearer(new TokenEndpoint(system, c, transport, settings.tokenAuth()));
      case Auth.OAuth2AuthorizationCode c when grants.isPresent() ->
          new OAuthBearer(new AuthorizationCodeTokens(system, c, grants.get(), transport, settings.tokenAuth(), java.time.Clock.systemUTC()));
      case Auth.OAuth2AuthorizationCode c ->
          throw new ConfigException(
              system.displayName()
                  + ": oauth2-authorization-code needs each customer to authorize Weft in a browser;"
                  + " run the integration under 'weft serve', which keeps their tokens");
      case Auth.Password p ->
          throw new ConfigException(
              system.displayName() + ": auth method 'password' is for datastores and brokers; an API takes 'basic'");
      case Auth.SshKey s ->
          throw new ConfigException(system.displayName() + ": auth method 'ssh-key' is for SFTP, not for an API");
    };
  }

  static String basic(String username, String password) {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  record Anonymous() implements Credentials {
    public URI apply(URI uri, HttpRequest.Builder request) {
      return uri;
    }
  }

  record Header(String name, String value) implements Credentials {
    public URI apply(URI uri, HttpRequest.Builder request) {
      request.setHeader(name, value);
      return uri;
    }

    @Override
    public String toString() {
      return "Header[" + name + "]";
    }
  }

  record QueryKey(String param, String key) implements Credentials {
    public URI apply(URI uri, HttpRequest.Builder request) {
      return QueryString.with(uri, param, key);
    }

    public Optional<String> secretQueryParam() {
      return Optional.of(param);
    }

    @Override
    public String toString() {
      return "QueryKey[" + param + "]";
    }
  }

  /** An OAuth 2 bearer token (client credentials or a customer's grant), renewed before it expires or after a 401. */
  record OAuthBearer(AccessTokens tokens) implements Credentials {
    public URI apply(URI uri, HttpRequest.Builder request) throws ConnectorException {
      request.setHeader("Authorization", "Bearer " + tokens.current());
      return uri;
    }

    public boolean renew(HttpRequest refused) {
      String sent = refused.headers().firstValue("Authorization").orElse("");
      tokens.refuse(sent.startsWith("Bearer ") ? sent.substring(7) : sent);
      return true;
    }
  }
}
