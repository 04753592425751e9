package dev.weft.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Problem;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example spec (the shared ones when present, and the project's own) renders cleanly. */
class ExampleSpecsTest {

  static Optional<Path> shared() {
    return Optional.ofNullable(System.getProperty("weft.shared")).map(Path::of).filter(Files::isDirectory);
  }

  static Stream<Path> examples() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(Path.of("..", "examples"), shared().map(s -> s.resolve("examples")).orElse(Path.of("absent")))) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    Assumptions.assumeFalse(files.isEmpty(), "no example specs here");
    return files.stream();
  }

  private static Spec load(Path file) {
    LoadResult result = SpecLoader.load(file);
    assertThat(result.errors()).as("problems loading %s", file).extracting(Problem::format).isEmpty();
    return result.spec().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void rendersAsMarkdownAndWellFormedHtml(Path file) throws Exception {
    Spec spec = load(file);
    String md = SpecDocument.markdown(spec);
    List<String> sections = md.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
    assertThat(sections).containsExactlyElementsOf(Outline.SECTIONS);
    assertThat(md).contains("```mermaid\nflowchart LR\n");
    String html = SpecDocument.html(spec);
    assertThat(HtmlDocumentTest.parse(html).getElementsByTagName("svg").getLength()).isEqualTo(1);
    assertThat(html).doesNotContain("<script", "src=");
    Path out = Path.of("target", "examples", file.startsWith(Path.of("..", "examples")) ? "project" : "shared", file.getFileName().toString().replace(".yaml", ".html"));
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    Files.writeString(out.resolveSibling(out.getFileName().toString().replace(".html", ".md")), md, StandardCharsets.UTF_8);
  }

  @Test
  void theDesignExampleLoadedFromYamlRendersAsTheGoldenFile() throws IOException {
    // The shared copy is DESIGN.md's example; the project's own example of that name differs.
    Path yaml = shared().map(s -> s.resolve("examples/shop-orders-to-ledger.yaml")).orElse(Path.of("absent"));
    Assumptions.assumeTrue(Files.exists(yaml), "the shared DESIGN example is not here");
    assertThat(SpecDocument.markdown(load(yaml)))
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/design-example.md"), StandardCharsets.UTF_8));
  }

  @Test
  void aLiteralBrokerPasswordIsHidden() {
    Path yaml = shared().map(s -> s.resolve("examples/webhook-orders-to-rabbitmq.yaml")).orElse(Path.of("absent"));
    Assumptions.assumeTrue(Files.exists(yaml), "the shared examples are not here");
    String md = SpecDocument.markdown(load(yaml));
    assertThat(md).contains("`amqp://guest:••••@127.0.0.1:5672/`", "password •••• (literal value hidden)")
        .doesNotContain("guest:guest", "password `guest`");
  }
}
