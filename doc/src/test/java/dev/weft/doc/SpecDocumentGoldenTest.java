package dev.weft.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecDocumentGoldenTest {

  @Test
  void theDesignExampleRendersAsItsGoldenMarkdown() throws IOException {
    Golden.check("design-example.md", SpecDocument.markdown(Specs.designExample()));
  }

  @Test
  void aMinimalSpecRendersAsItsGoldenMarkdown() throws IOException {
    Golden.check("minimal.md", SpecDocument.markdown(Specs.minimal()));
  }

  @Test
  void theDesignExampleHtmlIsWrittenForReview() throws IOException {
    // Kept in target/ so a person (or a headless browser) can look at it; the HTML tests check it.
    Path out = Path.of("target", "design-example.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, SpecDocument.html(Specs.designExample()), StandardCharsets.UTF_8);
    Files.writeString(Path.of("target", "minimal.html"), SpecDocument.html(Specs.minimal()), StandardCharsets.UTF_8);
  }
}
