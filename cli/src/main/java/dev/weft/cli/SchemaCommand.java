package dev.weft.cli;

import dev.weft.spec.SpecSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code weft schema}: the JSON Schema of the spec format, for editors. Save it as
 * {@code weft.schema.json} and start a spec with {@code # yaml-language-server: $schema=./weft.schema.json}.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the JSON Schema (draft 2020-12) of the spec format.",
      "Save it (weft schema > weft.schema.json) and put this line at the top of a spec:",
      "  # yaml-language-server: $schema=./weft.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(SpecSchema.jsonSchema());
    return 0;
  }
}
