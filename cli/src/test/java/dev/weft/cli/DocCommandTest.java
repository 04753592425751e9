package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocCommandTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "contacts-two-way.yaml");


  private static InProcessWeft.Outcome weft(String... args) {
    return InProcessWeft.run(args);
  }

  @Test
  void printsMarkdownByDefault() {
    InProcessWeft.Outcome r = weft("doc", EXAMPLE.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("# Integration Specification: ").contains("## Technical requirements", "```mermaid");
  }

  @Test
  void writesHtmlToAFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("docs/contacts.html");
    InProcessWeft.Outcome r = weft("doc", EXAMPLE.toString(), "-o", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("<svg");
  }

  @Test
  void anExplicitFormatWins(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("contacts.html");
    assertThat(weft("doc", EXAMPLE.toString(), "--format", "md", "-o", out.toString()).status()).isZero();
    assertThat(Files.readString(out)).startsWith("# Integration Specification");
    InProcessWeft.Outcome bad = weft("doc", EXAMPLE.toString(), "--format", "pdf");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--format must be md or html");
  }

  @Test
  void aSpecWithErrorsPrintsThemAndExitsOne(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("broken.yaml");
    Files.writeString(spec, "weft: 1\nid: broken\n");
    InProcessWeft.Outcome r = weft("doc", spec.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(spec.toString() + ":");
  }

  @Test
  void aMissingFileIsSaidPlainly() {
    InProcessWeft.Outcome r = weft("doc", "no-such-spec.yaml");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-spec.yaml: no such file");
  }
}
