package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** {@code weft schema}: the JSON Schema an editor uses, checked against the project's examples with an independent validator. */
class SchemaCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String printed;


  @BeforeAll
  static void printTheSchema() {
    InProcessWeft.Outcome r = weft("schema");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    printed = r.out();
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      List<Path> specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(specs).as("the repository's examples").hasSizeGreaterThanOrEqualTo(5);
      return specs.stream();
    }
  }

  private static Schema schema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(printed);
  }

  /** YAML 1.2 core schema, as Weft reads it: {@code yes} and {@code no} stay strings. */
  private static JsonNode yamlAsJson(String yaml) {
    Object value = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    return JSON.valueToTree(value);
  }

  private static InProcessWeft.Outcome weft(String... args) {
    return InProcessWeft.run(args);
  }

  @Test
  void theSchemaIsJsonAndNamesTheTopLevelKeys() throws Exception {
    JsonNode schema = JSON.readTree(printed);
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("type").asText()).isEqualTo("object");
    JsonNode properties = schema.path("properties");
    assertThat(properties.has("weft")).isTrue();
    assertThat(properties.has("id")).isTrue();
    assertThat(properties.has("systems")).isTrue();
    assertThat(properties.has("flows")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExamplePassesTheSchema(Path example) throws IOException {
    assertThat(weft("validate", example.toString()).status()).as("weft validate " + example).isZero();
    assertThat(schema().validate(yamlAsJson(Files.readString(example)))).as(example.toString()).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatAnEditorShouldUnderline() {
    Schema schema = schema();
    String good = """
        weft: 1
        id: tiny
        name: Tiny
        systems:
          a: { connection: filesystem, url: "file:/tmp/a", format: csv, auth: { method: none } }
          b: { connection: datastore, ours: true, url: "jdbc:h2:mem:b", auth: { method: none } }
        flows:
          - id: f
            trigger: { manual: true }
            source: { system: a, files: "*.csv" }
            map: [ { from: x, to: y } ]
            target: { system: b, table: t, write: upsert, key: y }
        """;
    assertThat(schema.validate(yamlAsJson(good))).as("the small spec itself is fine").isEmpty();
    assertThat(schema.validate(yamlAsJson(good + "colour: blue\n"))).as("an unknown top-level key").isNotEmpty();
    assertThat(schema.validate(yamlAsJson(good.replace("weft: 1", "weft: one")))).as("weft is a number").isNotEmpty();
    assertThat(schema.validate(yamlAsJson(good.replace("connection: filesystem", "connection: telepathy"))))
        .as("a connection word outside the list").isNotEmpty();
  }

  @Test
  void schemaTakesNoArguments() {
    InProcessWeft.Outcome r = weft("schema", "extra.yaml");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("extra.yaml").doesNotContain("at dev.");
  }
}
