package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec folder {@code weft serve} uses when none is given: {@code ./specs}, else the project's
 * {@code ./examples}, else the quickstart bundled in the jar, written once to {@code .weft/examples}.
 */
final class BundledExample {
  static final Path FOLDER = Path.of(".weft", "examples");

  private BundledExample() {}

  static Path defaultFolder(PrintWriter err) {
    if (Files.isDirectory(Path.of("specs"))) return Path.of("specs");
    if (Files.isDirectory(Path.of("examples"))) return Path.of("examples");
    try {
      Path spec = FOLDER.resolve("quickstart.yaml");
      if (!Files.exists(spec)) {
        Files.createDirectories(FOLDER.resolve("quickstart"));
        // the spec reads its CSV relative to where weft runs: point it at the copy
        Files.writeString(spec, resource("quickstart.yaml").replace("url: file:examples/quickstart", "url: file:.weft/examples/quickstart"));
        Files.writeString(FOLDER.resolve("quickstart/orders.csv"), resource("quickstart/orders.csv"));
        err.println("weft serve: no specs/ or examples/ here; serving the bundled quickstart from " + FOLDER);
      }
      return FOLDER;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundled quickstart to " + FOLDER + ": " + e.getMessage(), e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BundledExample.class.getResourceAsStream("bundled/" + name)) {
      if (in == null) throw new IOException("the bundled " + name + " is missing from this build");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
