package dev.weft.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Connector;
import dev.weft.model.Auth;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConnectorRegistrationTest {
  @Test
  void theServiceLoaderFindsTheFilesConnectorForFileAndSftpUrlsOnly() {
    Connector files = ServiceLoader.load(Connector.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(c -> c.name().equals("files"))
        .findFirst()
        .orElseThrow();
    Auth none = new Auth.None(Auth.Scope.SYSTEM);
    assertThat(files.accepts(Fixtures.system("file:///srv/drop", null, none, Map.of()))).isTrue();
    assertThat(files.accepts(Fixtures.system("SFTP://host:22/in", null, none, Map.of()))).isTrue();
    assertThat(files.accepts(Fixtures.system("https://api.example", null, none, Map.of()))).isFalse();
  }
}
