package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocCommandTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "contacts-two-way.yaml");

  private record Outcome(int status, String out, String err) {}

  private static Outcome weft(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int status = Weft.commandLine().execute(args);
      return new Outcome(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void printsMarkdownByDefault() {
    Outcome r = weft("doc", EXAMPLE.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("# Integration Specification: ").contains("## Technical requirements", "```mermaid");
  }

  @Test
  void writesHtmlToAFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("docs/contacts.html");
    Outcome r = weft("doc", EXAMPLE.toString(), "-o", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("<svg");
  }

  @Test
  void anExplicitFormatWins(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("contacts.html");
    assertThat(weft("doc", EXAMPLE.toString(), "--format", "md", "-o", out.toString()).status()).isZero();
    assertThat(Files.readString(out)).startsWith("# Integration Specification");
    Outcome bad = weft("doc", EXAMPLE.toString(), "--format", "pdf");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--format must be md or html");
  }

  @Test
  void aSpecWithErrorsPrintsThemAndExitsOne(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("broken.yaml");
    Files.writeString(spec, "weft: 1\nid: broken\n");
    Outcome r = weft("doc", spec.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(spec.toString() + ":");
  }

  @Test
  void aMissingFileIsSaidPlainly() {
    Outcome r = weft("doc", "no-such-spec.yaml");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-spec.yaml: no such file");
  }
}
