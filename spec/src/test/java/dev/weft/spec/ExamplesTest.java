package dev.weft.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example shipped with the project, and every shared example, loads without errors. */
class ExamplesTest {

  static Stream<Path> projectExamples() throws IOException {
    return yamlFiles(Path.of("..", "examples"));
  }

  static Stream<Path> sharedExamples() throws IOException {
    String shared = System.getProperty("weft.shared", "../../shared");
    Path dir = Path.of(shared, "examples");
    if (!Files.isDirectory(dir)) return Stream.of(Path.of("absent"));
    return yamlFiles(dir);
  }

  static Stream<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("projectExamples")
  void projectExampleIsValid(Path file) {
    assertValid(file);
  }

  @ParameterizedTest
  @MethodSource("sharedExamples")
  void sharedExampleIsValid(Path file) {
    assumeTrue(Files.exists(file), "shared examples are absent");
    assertValid(file);
  }

  static void assertValid(Path file) {
    LoadResult result = SpecLoader.load(file);
    List<String> errors = result.errors().stream().map(Problem::format).toList();
    assertThat(errors).as(file.toString()).isEmpty();
    assertThat(result.spec()).isPresent();
    assertThat(result.spec().get().flows()).isNotEmpty();
  }
}
