package dev.weft.connector.http;

import static dev.weft.connector.http.Specs.readAll;
import static dev.weft.connector.http.Specs.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.GrantedTokens;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Source;
import dev.weft.connector.http.TestApi.Reply;
import dev.weft.model.Auth;
import dev.weft.model.Auth.Scope;
import dev.weft.model.Source.Paginate;
import dev.weft.model.SystemDef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A customer's authorization-code grant: used as stored, renewed with the refresh token before it expires or after a 401. */
class AuthorizationCodeTest {
  private final TestApi api = new TestApi();
  private final AtomicInteger refreshes = new AtomicInteger();

  AuthorizationCodeTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  /** The grants as the server keeps them, in memory. */
  static class Kept implements GrantedTokens {
    final AtomicReference<Grant> grant;
    int renewals;

    Kept(Grant grant) {
      this.grant = new AtomicReference<>(grant);
    }

    public Optional<Grant> current(String systemId) {
      return Optional.ofNullable(grant.get());
    }

    public synchronized Grant renew(String systemId, Renewal renewal) throws ConnectorException {
      renewals++;
      Grant next = renewal.apply(grant.get());
      grant.set(next);
      return next;
    }

    public Optional<String> connectHint(String systemId) {
      return Optional.of("open /connect/acme/crm");
    }
  }

  /** A token endpoint that takes refresh tokens rf-N and issues at-N+1 with rf-N+1 (rotating), valid for an hour. */
  private void tokenEndpoint() {
    api.on("/oauth/token", call -> {
      String form = call.bodyText();
      if (!form.contains("grant_type=refresh_token") || !form.contains("refresh_token=rf-"))
        return Reply.of(400, "application/json", "{\"error\":\"invalid_grant\"}");
      int n = refreshes.incrementAndGet();
      return Reply.json("{\"access_token\":\"at-" + (n + 1) + "\",\"refresh_token\":\"rf-" + (n + 1) + "\",\"expires_in\":3600}");
    });
  }

  private Specs.Read read(Kept kept) throws Exception {
    SystemDef system = Specs.system(api.url(), new Auth.OAuth2AuthorizationCode(Scope.CUSTOMER, api.url() + "/authorize",
        api.url() + "/oauth/token", "app", "s3cret", List.of("orders.read")));
    RunInfo run = new RunInfo("run-1", "it", "acme", Instant.now(), Path.of(System.getProperty("java.io.tmpdir")), kept);
    try (Source source = new HttpConnector().openSource(Specs.sourceContext(system, source("GET /me", Optional.empty(), Paginate.NONE),
        Specs.FAST_RETRY, run))) {
      return readAll(source, Checkpoint.START, 100);
    }
  }

  @Test
  void aValidStoredTokenIsUsedAsItIs() throws Exception {
    tokenEndpoint();
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));
    Kept kept = new Kept(new GrantedTokens.Grant("at-1", Optional.of("rf-1"), Instant.now(), Optional.of(Instant.now().plusSeconds(3600))));

    assertThat(read(kept).field("authorization")).containsExactly("Bearer at-1");
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void anExpiringTokenIsRenewedFirstAndTheRotatedRefreshTokenIsStored() throws Exception {
    tokenEndpoint();
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));
    Instant issued = Instant.now().minusSeconds(3590);
    Kept kept = new Kept(new GrantedTokens.Grant("at-1", Optional.of("rf-1"), issued, Optional.of(issued.plusSeconds(3600))));

    assertThat(read(kept).field("authorization")).containsExactly("Bearer at-2");
    assertThat(kept.grant.get().accessToken()).isEqualTo("at-2");
    assertThat(kept.grant.get().refreshToken()).contains("rf-2");
    assertThat(kept.grant.get().expiresAt().orElseThrow()).isAfter(Instant.now().plusSeconds(3500));
    assertThat(api.calls("/oauth/token").getFirst().bodyText())
        .isEqualTo("grant_type=refresh_token&refresh_token=rf-1")
        .as("the client's secret travels in the basic auth header, not the form");
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheRequestSentAgain() throws Exception {
    tokenEndpoint();
    // the provider revoked at-1 before it expired
    api.on("/me", call -> "Bearer at-1".equals(call.header("Authorization"))
        ? Reply.status(401)
        : Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));
    Kept kept = new Kept(new GrantedTokens.Grant("at-1", Optional.of("rf-1"), Instant.now(), Optional.of(Instant.now().plusSeconds(3600))));

    assertThat(read(kept).field("authorization")).containsExactly("Bearer at-2");
    assertThat(refreshes).hasValue(1);
    assertThat(api.calls("/me")).hasSize(2);
  }

  @Test
  void aTokenRenewedByAnotherRunMeanwhileIsTakenInsteadOfSpendingTheRefreshTokenAgain() throws Exception {
    tokenEndpoint();
    api.on("/me", call -> Reply.json("[{\"authorization\":\"" + call.header("Authorization") + "\"}]"));
    Instant issued = Instant.now().minusSeconds(3590);
    GrantedTokens.Grant old = new GrantedTokens.Grant("at-1", Optional.of("rf-1"), issued, Optional.of(issued.plusSeconds(3600)));
    GrantedTokens.Grant theirs = new GrantedTokens.Grant("at-9", Optional.of("rf-9"), Instant.now(), Optional.of(Instant.now().plusSeconds(3600)));
    Kept kept = new Kept(old) {
      boolean first = true;

      @Override
      public Optional<GrantedTokens.Grant> current(String systemId) {
        if (first) {
          first = false;
          grant.set(theirs); // the other run stores its renewal right after this one read the old grant
          return Optional.of(old);
        }
        return super.current(systemId);
      }
    };

    assertThat(read(kept).field("authorization")).containsExactly("Bearer at-9");
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void aRevokedRefreshTokenAsksTheCustomerToConnectAgain() {
    api.on("/oauth/token", call -> Reply.of(400, "application/json", "{\"error\":\"invalid_grant\"}"));
    api.on("/me", call -> Reply.json("[]"));
    Instant issued = Instant.now().minusSeconds(7200);
    Kept kept = new Kept(new GrantedTokens.Grant("at-1", Optional.of("rf-secret-1"), issued, Optional.of(issued.plusSeconds(3600))));

    assertThatThrownBy(() -> read(kept))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused the customer's refresh token")
        .hasMessageContaining("invalid_grant")
        .hasMessageContaining("open /connect/acme/crm")
        .hasMessageNotContaining("rf-secret-1");
  }

  @Test
  void aSystemNotConnectedYetSaysWhereToConnectIt() {
    api.on("/me", call -> Reply.json("[]"));

    assertThatThrownBy(() -> read(new Kept(null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("has not connected")
        .hasMessageContaining("open /connect/acme/crm");
    assertThat(api.calls("/me")).isEmpty();
  }
}
