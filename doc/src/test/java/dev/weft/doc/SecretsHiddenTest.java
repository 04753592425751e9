package dev.weft.doc;

import static java.util.Optional.empty;
import static java.util.Optional.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Spec;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsHiddenTest {
  private static final List<String> LITERALS = List.of(
      "hunter2-db", "sk_live_abc123", "basic-pw-9", "bearer-tok-7", "client-secret-5", "auth-code-secret-4",
      "-----BEGIN OPENSSH PRIVATE KEY-----", "ssh-pass-3", "url-pw-1", "query-token-8", "default-secret-6", "sandbox-key-2");

  private static Spec withLiteralSecrets() {
    Spec base = Specs.designExample();
    Map<String, SystemDef> systems = new LinkedHashMap<>(base.systems());
    systems.put("db", system("db", ConnectionKind.DATASTORE, "jdbc:postgresql://db.example:5432/app?user=app&password=url-pw-1",
        new Auth.Password(Auth.Scope.SYSTEM, "app", "hunter2-db")));
    systems.put("keyed", system("keyed", ConnectionKind.API, "https://api.example/v1?token=query-token-8",
        new Auth.ApiKey(Auth.Scope.SYSTEM, "sk_live_abc123", empty(), of("api_key"))));
    systems.put("basic", system("basic", ConnectionKind.API, "https://basic.example", new Auth.Basic(Auth.Scope.SYSTEM, "me", "basic-pw-9")));
    systems.put("bearer", system("bearer", ConnectionKind.API, "https://bearer.example", new Auth.Bearer(Auth.Scope.CUSTOMER, "bearer-tok-7")));
    systems.put("oauth", system("oauth", ConnectionKind.API, "https://oauth.example",
        new Auth.OAuth2ClientCredentials(Auth.Scope.SYSTEM, "https://oauth.example/token", "weft", "client-secret-5", List.of("read"))));
    systems.put("oauth-code", system("oauth-code", ConnectionKind.API, "https://code.example",
        new Auth.OAuth2AuthorizationCode(Auth.Scope.CUSTOMER, "https://code.example/auth", "https://code.example/token", "weft",
            "auth-code-secret-4", List.of())));
    systems.put("sftp", system("sftp", ConnectionKind.FILESYSTEM, "sftp://files.example:22/in",
        new Auth.SshKey(Auth.Scope.SYSTEM, "files", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----", of("ssh-pass-3"))));
    systems.put("bus", system("bus", ConnectionKind.BROKER, "amqp://guest:url-pw-1@127.0.0.1:5672/",
        new Auth.Password(Auth.Scope.SYSTEM, "guest", "${env.BUS_PASSWORD}")));
    List<ConfigOption> config = new ArrayList<>(base.config());
    config.add(new ConfigOption("token", of("Token"), ConfigOption.Type.SECRET, false, of("default-secret-6"), List.of(), empty()));
    Spec.Prerequisites prerequisites = new Spec.Prerequisites(List.of(),
        List.of(new Spec.Sandbox("Sandbox", "https://sandbox.example/api?apikey=sandbox-key-2", empty())), List.of(), List.of());
    return new Spec(1, base.id(), base.name(), base.summary(), base.neededBy(), base.roadmap(), base.revisions(), prerequisites,
        base.userStories(), base.screensFields(), base.dataFlow(), systems, config, base.plans(), base.customerExperience(),
        base.flows(), base.tests());
  }

  private static SystemDef system(String id, ConnectionKind kind, String url, Auth auth) {
    return new SystemDef(id, empty(), false, kind, url, empty(), auth, empty(), Map.of());
  }

  @Test
  void literalSecretsNeverAppearInMarkdownOrHtml() {
    Spec spec = withLiteralSecrets();
    for (String doc : List.of(SpecDocument.markdown(spec), SpecDocument.html(spec))) {
      for (String literal : LITERALS) assertThat(doc).doesNotContain(literal);
      assertThat(doc).contains("•••• (literal value hidden)");
    }
  }

  @Test
  void eachLiteralIsReplacedByTheHiddenMark() {
    String md = SpecDocument.markdown(withLiteralSecrets());
    assertThat(md).contains("password •••• (literal value hidden)");
    assertThat(md).contains("API key in query parameter `api_key`, value •••• (literal value hidden)");
    assertThat(md).contains("Bearer token •••• (literal value hidden)");
    assertThat(md).contains("client secret •••• (literal value hidden)");
    assertThat(md).contains("private key •••• (literal value hidden), passphrase •••• (literal value hidden)");
    assertThat(md).contains("`jdbc:postgresql://db.example:5432/app?user=app&password=••••`");
    assertThat(md).contains("`amqp://guest:••••@127.0.0.1:5672/`");
    assertThat(md).contains("`https://sandbox.example/api?apikey=••••`");
  }

  @Test
  void referencesAreShownAsWritten() {
    String md = SpecDocument.markdown(withLiteralSecrets());
    assertThat(md).contains("password `${secret.ledger_password}`", "value `${config.shopfront_key}`", "password `${env.BUS_PASSWORD}`");
  }

  @Test
  void aReferenceMixedWithLiteralTextIsHiddenToo() {
    assertThat(SecretText.of("prefix-${secret.x}")).isEqualTo(Text.hidden());
    assertThat(SecretText.of("${secret.x}")).isEqualTo(Text.code("${secret.x}"));
    assertThat(SecretText.of("")).isEqualTo(Text.plain("empty"));
  }

  @Test
  void urlsWithoutSecretsAreUnchanged() {
    assertThat(SecretText.url("https://api.example/v2/orders?status=any&page=2")).isEqualTo("https://api.example/v2/orders?status=any&page=2");
    assertThat(SecretText.url("amqp://guest@host/")).isEqualTo("amqp://guest@host/");
    assertThat(SecretText.url("amqp://u:${secret.p}@host/")).isEqualTo("amqp://u:${secret.p}@host/");
  }

  @Test
  void aLiteralNotifyWebhookLosesItsSecretParameters() {
    var policy = new ErrorPolicy(new ErrorPolicy.Retry(1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
        ErrorPolicy.InvalidRecords.SKIP, of("https://alerts.example/hook?token=abc-123"), empty());
    assertThat(FlowWords.errorHandling(policy).toString()).doesNotContain("abc-123").contains("token=••••");
  }
}
