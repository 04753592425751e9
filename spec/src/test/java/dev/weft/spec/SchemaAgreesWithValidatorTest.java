package dev.weft.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.weft.model.Problem;
import dev.weft.spec.internal.Problems;
import dev.weft.spec.internal.yaml.Scalars;
import dev.weft.spec.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema and the validator agree: valid specs pass the schema, and specs whose
 * error is structural (unknown key, wrong type, missing key, a word outside its list) fail it.
 */
class SchemaAgreesWithValidatorTest {
  static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SpecSchema.jsonSchema());

  static final List<String> STRUCTURAL = List.of(
      "unknown-top-key", "unknown-system-key", "unknown-map-row-key", "missing-name", "missing-url",
      "missing-auth-method", "weft-not-a-number", "id-not-a-slug", "unknown-connection-word",
      "norway-yes-is-not-a-boolean", "duration-bad", "retry-attempts-zero", "rate-limit-bad",
      "flows-is-a-mapping", "systems-empty-and-flows-empty", "wrong-types", "pagination-unknown-style",
      "sync-match-three-and-bad-words", "config-unknown-type-and-duplicate", "schedule-bad-every", "map-empty",
      "webhook-verify-hmac-without-header", "tests-unknown-flow-and-duplicate-names", "sync-missing-mapping-and-id",
      "literal-secrets-warn", "top-level-is-a-list", "auth-missing-password", "auth-key-not-for-method");

  static Stream<Path> goodSpecs() throws IOException {
    Stream<Path> shared = ExamplesTest.sharedExamples().filter(Files::exists);
    return Stream.concat(Stream.concat(ExamplesTest.projectExamples(), shared), Stream.of(Path.of("src/test/resources/valid/large-spec.yaml")));
  }

  static Stream<String> structurallyBadSpecs() {
    return STRUCTURAL.stream();
  }

  @ParameterizedTest
  @MethodSource("goodSpecs")
  void aValidSpecPassesTheSchema(Path file) throws IOException {
    assertThat(SpecLoader.load(file).ok()).isTrue();
    assertThat(SCHEMA.validate(json(file))).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("structurallyBadSpecs")
  void aStructurallyBadSpecFailsTheSchema(String name) throws IOException {
    Path file = InvalidSpecsTest.DIR.resolve(name + ".yaml");
    List<String> errors = SpecLoader.load(file).errors().stream().map(Problem::message).toList();
    assertThat(errors).as("the validator sees a structural error")
        .anyMatch(m -> m.startsWith("unknown key") || m.startsWith("missing required key") || m.startsWith("expected")
            || m.contains(" is not ") || m.startsWith("must") || m.startsWith("takes at most")
            || m.startsWith("auth method") || m.contains("does not apply to auth method"));
    assertThat(SCHEMA.validate(json(file))).as(name).isNotEmpty();
  }

  static JsonNode json(Path file) throws IOException {
    Problems problems = new Problems(file.toString());
    Object value = YamlReader.read(Files.readString(file), problems).map(Scalars::value).orElseThrow();
    return new ObjectMapper().valueToTree(value);
  }
}
