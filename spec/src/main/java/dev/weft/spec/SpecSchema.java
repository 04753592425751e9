package dev.weft.spec;

import dev.weft.spec.internal.format.JsonSchemaWriter;

/**
 * The JSON Schema of the spec format, derived from the same declarations as the validator. Editors
 * use it with {@code # yaml-language-server: $schema=./weft.schema.json}.
 */
public final class SpecSchema {
  private static volatile String cached;

  private SpecSchema() {}

  /** The schema (draft 2020-12) as pretty JSON text. */
  public static String jsonSchema() {
    String s = cached;
    if (s == null) cached = s = JsonSchemaWriter.write();
    return s;
  }
}
