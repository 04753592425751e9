package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft validate} as a user drives it: every problem at once, one line each, and exit codes a script can use. */
class ValidateCommandTest {
  private static final Path TOUR = Path.of("src", "test", "resources", "tour");
  private static final Path VALID = TOUR.resolve("valid.yaml");
  private static final Path THREE_ERRORS = TOUR.resolve("three-errors.yaml");


  private static Pattern problemLine(Path file) {
    return Pattern.compile("^" + Pattern.quote(file.toString()) + ":\\d+:\\d+: [^:]+: .+$");
  }

  private static InProcessWeft.Outcome weft(String... args) {
    return InProcessWeft.run(args);
  }

  @Test
  void aValidSpecSaysSoAndExitsZero() {
    InProcessWeft.Outcome r = weft("validate", VALID.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo(VALID + ": valid");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void threeDifferentErrorsAreAllReportedOneLineEach() {
    InProcessWeft.Outcome r = weft("validate", THREE_ERRORS.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).as("nothing is called valid").doesNotContain("valid");
    List<String> lines = r.errLines();
    assertThat(lines).hasSize(3).allMatch(l -> problemLine(THREE_ERRORS).matcher(l).matches(), "FILE:LINE:COL: PATH: MESSAGE");
    assertThat(lines.get(0)).startsWith(THREE_ERRORS + ":11:5: flows[0].sorce: ").contains("did you mean 'source'?");
    assertThat(lines.get(1)).startsWith(THREE_ERRORS + ":14:").contains("flows[0].map[0].unit: ")
        .contains("'lbs'").contains("did you mean 'lb'?");
    assertThat(lines.get(2)).startsWith(THREE_ERRORS + ":15:").contains("flows[0].target.system: ").contains("'nowhere'");
    assertThat(r.err()).doesNotContain("at dev.").doesNotContain("Exception");
  }

  @Test
  void jsonGivesTheSameProblemsAsData() throws Exception {
    InProcessWeft.Outcome r = weft("validate", "--json", THREE_ERRORS.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).as("with --json the problems go to stdout only").isEmpty();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("valid").asBoolean(true)).isFalse();
    JsonNode file = report.get("files").get(0);
    assertThat(file.get("file").asText()).isEqualTo(THREE_ERRORS.toString());
    JsonNode problems = file.get("problems");
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0).get("path").asText()).isEqualTo("flows[0].sorce");
    assertThat(problems.get(0).get("line").asInt()).isEqualTo(11);
    assertThat(problems.get(0).get("column").asInt()).isEqualTo(5);
    assertThat(problems.get(0).get("severity").asText()).isEqualTo("error");
    assertThat(problems.get(0).get("suggestion").asText()).isEqualTo("source");
    assertThat(problems.get(1).get("suggestion").asText()).isEqualTo("lb");
    assertThat(problems.get(2).get("message").asText()).contains("nowhere");
  }

  @Test
  void jsonForAValidSpecSaysValid() throws Exception {
    InProcessWeft.Outcome r = weft("validate", "--json", VALID.toString());
    assertThat(r.status()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("valid").asBoolean(false)).isTrue();
    assertThat(report.get("files").get(0).get("problems")).isEmpty();
  }

  @Test
  void aMissingFileIsOneLineWithoutAStackTrace(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-spec.yaml");
    InProcessWeft.Outcome r = weft("validate", missing.toString());
    assertThat(r.status()).isNotZero();
    assertThat(r.errLines()).containsExactly(missing + ": no such file");
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("at dev.");
  }

  @Test
  void aDirectoryIsOneLineWithoutAStackTrace(@TempDir Path dir) {
    InProcessWeft.Outcome r = weft("validate", dir.toString());
    assertThat(r.status()).isNotZero();
    assertThat(r.errLines()).hasSize(1).first().asString().startsWith(dir + ": ");
    assertThat(r.err()).doesNotContain("at dev.");
  }

  @Test
  void aFileThatIsNotYamlIsOneProblemLine(@TempDir Path dir) throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.yaml"), "weft: 1\nid: [unclosed\n  name: {\n");
    InProcessWeft.Outcome r = weft("validate", garbage.toString());
    assertThat(r.status()).isEqualTo(1);
    // a problem of the whole document has no PATH part: FILE:LINE:COL: MESSAGE
    assertThat(r.errLines()).hasSize(1).first().asString()
        .startsWith(garbage + ":3:7: not valid YAML: ");
    assertThat(r.err()).doesNotContain("at dev.").doesNotContain("at org.");
  }

  @Test
  void severalFilesAtOnceReportEveryOne(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    InProcessWeft.Outcome r = weft("validate", VALID.toString(), THREE_ERRORS.toString(), missing.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains(VALID + ": valid").doesNotContain(THREE_ERRORS + ": valid");
    assertThat(r.errLines()).hasSize(4);
    assertThat(r.errLines().subList(0, 3)).allMatch(l -> problemLine(THREE_ERRORS).matcher(l).matches());
    assertThat(r.errLines().get(3)).isEqualTo(missing + ": no such file");
  }

  @Test
  void theOrderOfFilesDoesNotHideAnInvalidOne() {
    InProcessWeft.Outcome r = weft("validate", THREE_ERRORS.toString(), VALID.toString());
    assertThat(r.status()).as("an invalid file first, a valid one last: still 1").isEqualTo(1);
    assertThat(r.out()).contains(VALID + ": valid");
    assertThat(r.errLines()).hasSize(3);
  }

  @Test
  void noFileIsAUsageError() {
    InProcessWeft.Outcome r = weft("validate");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("FILE").doesNotContain("at dev.");
  }
}
