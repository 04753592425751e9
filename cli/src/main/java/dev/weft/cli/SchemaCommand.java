package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Prints the JSON Schema of the spec format.")
final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("weft schema: not in this build yet");
    return 2;
  }
}
