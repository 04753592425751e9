package dev.weft.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.model.Auth;
import dev.weft.model.Source.Paginate;
import dev.weft.model.SystemDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HttpConnectorTest {

  private static SystemDef system(SystemDef.ConnectionKind kind, String url) {
    return new SystemDef("s", Optional.empty(), false, kind, url, Optional.empty(), Specs.NONE, Optional.empty(), Map.of());
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().name())).contains("http");
  }

  @Test
  void acceptsHttpAndHttpsApisOnly() {
    HttpConnector http = new HttpConnector();
    assertThat(http.accepts(system(SystemDef.ConnectionKind.API, "https://api.example/v2"))).isTrue();
    assertThat(http.accepts(system(SystemDef.ConnectionKind.API, "HTTP://localhost:8080"))).isTrue();
    assertThat(http.accepts(system(SystemDef.ConnectionKind.DATASTORE, "jdbc:postgresql://localhost/x"))).isFalse();
    assertThat(http.accepts(system(SystemDef.ConnectionKind.FILESYSTEM, "sftp://host/inbox"))).isFalse();
  }

  @Test
  void badOptionsAreConfigErrorsThatNameThem() {
    var source = Specs.source("GET /x", Optional.empty(), Paginate.NONE);
    SystemDef slow = Specs.system("http://127.0.0.1:1", Specs.NONE, Optional.empty(), Map.of("timeout", "soon"));
    SystemDef tokens = Specs.system("http://127.0.0.1:1",
        new Auth.OAuth2ClientCredentials(Auth.Scope.SYSTEM, "http://127.0.0.1:1/t", "a", "b", List.of()), Optional.empty(), Map.of("token_auth", "header"));

    assertThatThrownBy(() -> new HttpConnector().openSource(Specs.sourceContext(slow, source)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("options.timeout");
    assertThatThrownBy(() -> new HttpConnector().openSource(Specs.sourceContext(tokens, source)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("token_auth");
  }

  @Test
  void aCursorNeedsToKnowWhereTheNextOneIs() {
    var source = Specs.source("GET /x", Optional.empty(), Specs.paginate(Paginate.Style.CURSOR));

    assertThatThrownBy(() -> new HttpConnector().openSource(Specs.sourceContext(Specs.system("http://127.0.0.1:1"), source)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("next");
  }
}
