package dev.weft.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.spec.internal.format.ReferenceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in JSON Schema and the key tables of the reference match the declarations. Run with
 * {@code -Dweft.regen=true} to rewrite them after changing the format.
 */
class DocsAreFreshTest {
  static final Path SCHEMA = Path.of("../docs/schema/weft.schema.json");
  static final Path REFERENCE = Path.of("../docs/spec-reference.md");
  static final boolean REGEN = Boolean.getBoolean("weft.regen");

  @Test
  void theCheckedInSchemaIsCurrent() throws IOException {
    if (REGEN) Files.writeString(SCHEMA, SpecSchema.jsonSchema());
    assertThat(Files.readString(SCHEMA))
        .as("docs/schema/weft.schema.json is stale: rerun with -Dweft.regen=true")
        .isEqualTo(SpecSchema.jsonSchema());
  }

  @Test
  void theReferenceKeyTablesAreCurrent() throws IOException {
    String document = Files.readString(REFERENCE);
    String fresh = ReferenceWriter.refresh(document).orElseThrow(() -> new AssertionError("the markers are missing in " + REFERENCE));
    if (REGEN) Files.writeString(REFERENCE, fresh);
    assertThat(Files.readString(REFERENCE))
        .as("docs/spec-reference.md is stale: rerun with -Dweft.regen=true")
        .isEqualTo(fresh);
    assertThat(fresh).contains("| `connection` | one of api, datastore, filesystem, broker | yes |");
  }
}
