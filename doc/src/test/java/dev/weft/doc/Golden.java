package dev.weft.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: the rendered text must equal the file.
 * {@code WEFT_UPDATE_GOLDEN=1} (or {@code -Dweft.updateGolden=true}) rewrites them instead.
 */
final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static boolean updating() {
    return "1".equals(System.getenv("WEFT_UPDATE_GOLDEN")) || Boolean.getBoolean("weft.updateGolden");
  }

  static void check(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (updating()) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s (run with WEFT_UPDATE_GOLDEN=1 to create it)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
