package dev.weft.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code invalid/NAME.yaml} is loaded and its problems, formatted as the CLI
 * prints them, must equal {@code NAME.expected} line for line. Run with {@code -Dweft.regen=true}
 * to rewrite the expected files after a deliberate change (and read the diff).
 */
class InvalidSpecsTest {
  static final Path DIR = Path.of("src/test/resources/invalid");

  static Stream<String> specs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void problemsAreExactlyTheExpectedOnes(String name) throws IOException {
    String yaml = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    LoadResult result = SpecLoader.load(name, yaml);
    List<String> lines = result.problems().stream().map(Problem::format).toList();
    Path expectedFile = DIR.resolve(name.replace(".yaml", ".expected"));
    if (Boolean.getBoolean("weft.regen")) Files.write(expectedFile, lines);
    List<String> expected = Files.readAllLines(expectedFile).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isEqualTo(expected);
    assertThat(result.ok()).as("an invalid spec has at least one error").isFalse();
    assertThat(result.spec()).isEmpty();
  }

  @Test
  void aFileOverFiveMegabytesIsOneClearError() throws IOException {
    String line = "# " + "x".repeat(98) + "\n";
    String huge = "weft: 1\n" + line.repeat(55_000);
    LoadResult result = SpecLoader.load("huge.yaml", huge);
    assertThat(result.problems()).extracting(Problem::format)
        .containsExactly("huge.yaml:1:1: the file is larger than 5 MB; a spec is a few hundred lines");
    Path file = Files.createTempFile("weft-huge", ".yaml");
    try {
      Files.writeString(file, huge);
      assertThat(SpecLoader.load(file).problems()).extracting(Problem::message)
          .containsExactly("the file is larger than 5 MB; a spec is a few hundred lines");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void deepNestingIsOneClearError() {
    String deep = "weft: 1\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    LoadResult result = SpecLoader.load("deep.yaml", deep);
    assertThat(result.problems()).extracting(Problem::format)
        .containsExactly("deep.yaml:2:67: nesting deeper than 64 levels; a spec needs far fewer");
  }

  @Test
  void aMissingFileAndADirectoryAreOneProblemEach() throws IOException {
    assertThat(SpecLoader.load(Path.of("no-such-file.yaml")).problems()).extracting(Problem::message).containsExactly("no such file");
    Path dir = Files.createTempDirectory("weft-dir");
    try {
      assertThat(SpecLoader.load(dir).problems()).extracting(Problem::message).containsExactly("is a directory, not a spec file");
    } finally {
      Files.delete(dir);
    }
  }
}
