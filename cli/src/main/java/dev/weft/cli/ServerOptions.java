package dev.weft.cli;

import picocli.CommandLine.Option;

/** Which running {@code weft serve} a command talks to, and with which API token. */
final class ServerOptions {
  @Option(names = {"--server", "--url"}, paramLabel = "URL",
      description = "The weft serve to talk to (default: $WEFT_URL, else ${DEFAULT-VALUE}).")
  String url = System.getenv().getOrDefault("WEFT_URL", "http://localhost:8080");

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "An API token (default: $WEFT_TOKEN). weft serve prints the first admin token when it starts on a new store.")
  String token = System.getenv().getOrDefault("WEFT_TOKEN", "");

  ServerApi api() {
    return new ServerApi(url, token);
  }
}
