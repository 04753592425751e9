package dev.weft.cli;

import dev.weft.engine.RunRequest;
import dev.weft.store.Store;
import picocli.CommandLine.Option;

/** Where Weft keeps its state, and which customer instance a command is for. */
final class StateOptions {
  @Option(
      names = "--state",
      paramLabel = "URL",
      description = "JDBC URL of the state store (default: ${DEFAULT-VALUE}, or $WEFT_STATE). PostgreSQL: "
          + "jdbc:postgresql://HOST:5432/DB?user=U (tables in schema 'weft', or the URL's currentSchema).")
  String state = System.getenv().getOrDefault("WEFT_STATE", Store.DEFAULT_URL);

  @Option(names = "--instance", paramLabel = "NAME", description = "The customer instance (default: ${DEFAULT-VALUE}).")
  String instance = RunRequest.DEFAULT_INSTANCE;

  Store open() {
    return Store.open(state);
  }
}
