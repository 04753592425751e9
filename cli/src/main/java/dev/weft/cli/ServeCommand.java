package dev.weft.cli;

import dev.weft.server.Catalog;
import dev.weft.server.OperatorSecrets;
import dev.weft.server.SecretBox;
import dev.weft.server.SpecVersion;
import dev.weft.server.WeftServer;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code weft serve}: the running service (API, webhooks, schedules) until SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Weft as a service: the REST API, the webhooks and the schedules.",
      "Loads the specs, keeps state in the store, and stops gracefully on SIGTERM or Ctrl-C.",
      "Secrets are encrypted with $WEFT_MASTER_KEY (base64, 32 bytes) or .weft/master.key (created once).",
      "The admin token is $WEFT_ADMIN_TOKEN, or one created and printed on the first start."
    })
final class ServeCommand implements Callable<Integer> {
  static final Path KEY_FILE = Path.of(".weft", "master.key");

  @picocli.CommandLine.Spec(Target.SELF)
  CommandSpec command;

  @Option(names = "--specs", paramLabel = "DIR",
      description = "The folder of spec files (default: ./specs if present, else ./examples, else the bundled quickstart).")
  Optional<Path> specs = Optional.empty();

  @Option(names = "--store", paramLabel = "URL",
      description = "JDBC URL of the store (default: $WEFT_STATE, else ${DEFAULT-VALUE}). PostgreSQL for production.")
  String store = System.getenv().getOrDefault("WEFT_STATE", Store.DEFAULT_URL);

  @Option(names = "--port", paramLabel = "N", description = "The HTTP port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--keep-runs", paramLabel = "AGE",
      description = "Prune runs (with their log), replayed dead letters and processed webhooks older than this: 30d, 12h (default: 30d;"
          + " 'forever' keeps them). Dead letters not yet replayed are always kept.")
  String keepRuns = "30d";

  @Option(names = "--lease", paramLabel = "DURATION", converter = Age.class,
      description = "With several weft serve on one store: how long the work of a process that stopped answering (claimed webhooks,"
          + " event subscriptions) waits before another takes it over (default: 30s).")
  java.time.Duration lease = java.time.Duration.ofSeconds(30);

  @Override
  public Integer call() throws Exception {
    PrintWriter err = command.commandLine().getErr();
    Path dir = specs.orElseGet(() -> BundledExample.defaultFolder(err));
    if (!Files.isDirectory(dir)) {
      err.println("weft serve: no spec folder " + dir + " (give one with --specs DIR)");
      return 2;
    }
    Optional<java.time.Duration> keep;
    try {
      keep = keepRuns.trim().equalsIgnoreCase("forever") ? Optional.empty() : Optional.of(new Age().convert(keepRuns));
    } catch (picocli.CommandLine.TypeConversionException e) {
      err.println("weft serve: --keep-runs " + e.getMessage() + ", or forever");
      return 2;
    }
    WeftServer server;
    try {
      if (lease.toMillis() < 300) {
        err.println("weft serve: --lease must be at least 300ms, e.g. 30s");
        return 2;
      }
      server = WeftServer.start(WeftServer.Settings.of(dir, store, port),
          dev.weft.server.ServerTuning.defaults().withKeepRuns(keep).withLease(lease));
    } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
      err.println("weft serve: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "weft-serve-shutdown"));
    PrintWriter out = command.commandLine().getOut();
    out.println("weft serve: listening on " + server.url() + " (API " + server.url() + "/api, OpenAPI " + server.url() + "/openapi.json)");
    out.println("  specs: " + dir.toAbsolutePath().normalize() + " -> " + String.join(", ", server.integrations()));
    server.skippedSpecs().forEach(s -> out.println("  skipped (fix it, then restart): " + s));
    server.createdAdminToken().ifPresent(t -> {
      out.println("  admin token (shown once, stored hashed): " + t);
      out.println("  use it as: Authorization: Bearer " + t);
    });
    server.webhookUrls().forEach(u -> out.println("  webhook: " + u));
    ServeWelcome.print(server, server.createdAdminToken().or(() -> Optional.ofNullable(System.getenv("WEFT_ADMIN_TOKEN"))), out);
    out.flush();
    stopped.await();
    return 0;
  }

  /** {@code 30d}, {@code 12h}, {@code 45m}, {@code 30s}, {@code 500ms}. */
  static final class Age implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
    private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @Override
    public java.time.Duration convert(String value) {
      java.util.regex.Matcher m = AGE.matcher(value.trim());
      if (!m.matches())
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a duration: write e.g. 30d, 12h, 45m, 30s or 500ms");
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> java.time.Duration.ofMillis(n);
        case "s" -> java.time.Duration.ofSeconds(n);
        case "m" -> java.time.Duration.ofMinutes(n);
        case "h" -> java.time.Duration.ofHours(n);
        default -> java.time.Duration.ofDays(n);
      };
    }
  }

  /** {@code weft approve ID --version V --by NAME}: approves a version for production instances. */
  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approves a version of an integration, so production instances may run it. Versions are made by weft serve.")
  static final class ApproveCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "ID", description = "The integration id.")
    String id;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The version (see GET /api/integrations/ID/versions).")
    String version;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approves.")
    String by;

    @Option(names = "--store", paramLabel = "URL", description = "JDBC URL of the store (default: $WEFT_STATE, else ${DEFAULT-VALUE}).")
    String store = System.getenv().getOrDefault("WEFT_STATE", Store.DEFAULT_URL);

    @Override
    public Integer call() {
      PrintWriter err = command.commandLine().getErr();
      try (Store opened = Store.open(store)) {
        Catalog catalog = new Catalog(opened.dataSource());
        if (catalog.find(id, version).isEmpty()) {
          String known = String.join(", ", catalog.versions(id).stream().map(SpecVersion::version).toList());
          err.println("weft approve: " + id + " has no version " + version + (known.isEmpty() ? " (no versions: start weft serve once)" : " (its versions: " + known + ")"));
          return 2;
        }
        catalog.approve(id, version, by);
      } catch (StoreException e) {
        err.println("weft approve: " + e.getMessage());
        return 2;
      }
      command.commandLine().getOut().println("approved " + id + " version " + version + " by " + by);
      return 0;
    }
  }

  /** {@code weft secret set NAME}: stores an operator secret, read from stdin, encrypted. */
  @Command(name = "secret", mixinStandardHelpOptions = true, description = "Operator secrets (secret.NAME placeholders in specs), stored encrypted.",
      subcommands = {SecretCommand.Set.class})
  static final class SecretCommand {
    @Command(name = "set", mixinStandardHelpOptions = true,
        description = "Reads the value from stdin (one line or all of it) and stores it encrypted. Never echoed, never logged.")
    static final class Set implements Callable<Integer> {
      @picocli.CommandLine.Spec(Target.SELF)
      CommandSpec command;

      @Parameters(index = "0", paramLabel = "NAME")
      String name;

      @Option(names = "--store", paramLabel = "URL", description = "JDBC URL of the store (default: $WEFT_STATE, else ${DEFAULT-VALUE}).")
      String store = System.getenv().getOrDefault("WEFT_STATE", Store.DEFAULT_URL);

      @Override
      public Integer call() throws IOException {
        PrintWriter err = command.commandLine().getErr();
        String value = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
          err.println("weft secret set: give the value on stdin, e.g. printf %s \"$VALUE\" | weft secret set " + name);
          return 2;
        }
        try (Store opened = Store.open(store)) {
          SecretBox box = SecretBox.load(Optional.ofNullable(System.getenv("WEFT_MASTER_KEY")), KEY_FILE);
          new OperatorSecrets(opened.dataSource(), box).set(name, value);
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
          err.println("weft secret set: " + e.getMessage());
          return 2;
        }
        err.println("secret " + name + " stored (encrypted)");
        return 0;
      }
    }
  }
}
