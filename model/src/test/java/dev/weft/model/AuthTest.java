package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthTest {
  @Test
  void toStringNeverShowsALiteralCredential() {
    List<Auth> all =
        List.of(
            new Auth.ApiKey(Auth.Scope.SYSTEM, "s3cret-value", Optional.of("X-Key"), Optional.empty()),
            new Auth.Basic(Auth.Scope.SYSTEM, "ada", "s3cret-value"),
            new Auth.Bearer(Auth.Scope.CUSTOMER, "s3cret-value"),
            new Auth.OAuth2ClientCredentials(Auth.Scope.SYSTEM, "http://t", "id", "s3cret-value", List.of()),
            new Auth.OAuth2AuthorizationCode(Auth.Scope.CUSTOMER, "http://a", "http://t", "id", "s3cret-value", List.of()),
            new Auth.Password(Auth.Scope.SYSTEM, "root", "s3cret-value"),
            new Auth.SshKey(Auth.Scope.SYSTEM, "sftp", "s3cret-value", Optional.of("s3cret-value")));
    for (Auth auth : all) assertThat(auth.toString()).doesNotContain("s3cret").contains("****");
  }

  @Test
  void toStringShowsPlaceholdersAsWritten() {
    assertThat(new Auth.Bearer(Auth.Scope.CUSTOMER, "${config.token}").toString()).contains("${config.token}");
    assertThat(new Auth.Bearer(Auth.Scope.CUSTOMER, "x${config.token}").toString()).doesNotContain("${config.token}");
  }
}
