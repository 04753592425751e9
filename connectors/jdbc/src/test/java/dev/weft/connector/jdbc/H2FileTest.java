package dev.weft.connector.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2FileTest extends H2Test {

  @TempDir static Path folder;

  @Override
  protected String url() {
    return "jdbc:h2:file:" + folder.resolve("weft").toAbsolutePath();
  }
}
