package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code weft test FILE}: a spec's example records run through its map rows, as PASS and FAIL lines. */
class TestCommandTest {
  private static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");
  private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

  private record Outcome(int status, String out, String err) {
    int passed() {
      return count(1);
    }

    int failed() {
      return count(2);
    }

    private int count(int group) {
      Matcher m = SUMMARY.matcher(out);
      assertThat(m.find()).as("a summary line in:\n" + out).isTrue();
      return Integer.parseInt(m.group(group));
    }
  }

  private static Outcome weft(String... args) {
    InProcessWeft.Outcome r = InProcessWeft.run(args);
    return new Outcome(r.status(), r.out(), r.err());
  }


  @Test
  void anUndeclaredConfigKeyIsRefusedNamingTheDeclaredOnes() {
    Outcome result = weft("test", QUICKSTART.toString(), "--config", "nosuch=1");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).contains("--config nosuch: the spec declares no such config option");
  }

  @Test
  void theQuickstartsExamplesPass() {
    Outcome r = weft("test", QUICKSTART.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("PASS a row becomes an order").doesNotContain("FAIL");
    assertThat(r.passed()).isEqualTo(1);
    assertThat(r.failed()).isZero();
  }

  @Test
  void aWrongExpectationFailsAndSaysWhatDiffers(@TempDir Path dir) throws IOException {
    String spec = Files.readString(QUICKSTART);
    assertThat(spec).contains("weight_kg: 4.536");
    Path wrong = Files.writeString(dir.resolve("quickstart.yaml"), spec.replace("weight_kg: 4.536", "weight_kg: 4.5"));
    Outcome r = weft("test", wrong.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL a row becomes an order (flow orders)")
        .contains("weight_kg: expected 4.5 but got 4.536")
        .doesNotContain("PASS");
    assertThat(r.passed()).isZero();
    assertThat(r.failed()).isEqualTo(1);
  }

  @Test
  void aWrongStringExpectationNamesTheField(@TempDir Path dir) throws IOException {
    String spec = Files.readString(QUICKSTART);
    Path wrong = Files.writeString(dir.resolve("quickstart.yaml"), spec.replace("customer_name: Ada Lovelace", "customer_name: Ada Byron"));
    Outcome r = weft("test", wrong.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).containsPattern("customer_name: expected \"?Ada Byron\"? but got \"?Ada Lovelace\"?");
    assertThat(r.out()).doesNotContain("weight_kg:");
  }

  @Test
  void aSpecWithErrorsIsNotTested(@TempDir Path dir) throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "weft: 1\nid: broken\n");
    Outcome r = weft("test", broken.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("passed");
    assertThat(r.err()).contains(broken + ":").doesNotContain("at dev.");
  }

  @Test
  void aMissingFileIsSaidPlainly(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-spec.yaml");
    Outcome r = weft("test", missing.toString());
    assertThat(r.status()).isNotZero();
    assertThat(r.err()).contains("no-such-spec.yaml").doesNotContain("at dev.");
    assertThat(r.err().lines().filter(l -> !l.isBlank()).count()).isEqualTo(1);
  }

  static Stream<Path> sharedExamples() throws IOException {
    Optional<Path> dir = Optional.ofNullable(System.getProperty("weft.shared")).map(s -> Path.of(s, "examples")).filter(Files::isDirectory);
    assumeTrue(dir.isPresent(), "the shared examples are absent (system property weft.shared)");
    try (Stream<Path> files = Files.list(dir.get())) {
      List<Path> specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      return specs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("sharedExamples")
  void everySharedExamplePasses(Path example) {
    Outcome r = weft("test", example.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).doesNotContain("FAIL");
    assertThat(r.failed()).isZero();
    assertThat(r.err()).doesNotContain("error").doesNotContain("at dev.");
  }

  @Test
  void everyProjectExamplePassesItsTests() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      List<Path> specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      int passed = 0;
      for (Path spec : specs) {
        Outcome r = weft("test", spec.toString());
        assertThat(r.status()).as(spec + "\n" + r.out() + r.err()).isZero();
        assertThat(r.failed()).isZero();
        passed += r.passed();
      }
      assertThat(passed).as("the examples carry tests").isGreaterThanOrEqualTo(specs.size() - 1);
    }
  }
}
