package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft instance create | list | show | config set | enable | disable | plan set | delete}:
 * customers' instances on a running {@code weft serve}, through its API (the same checks, the same
 * per-field errors, and schedules follow at once).
 */
@Command(
    name = "instance",
    mixinStandardHelpOptions = true,
    description = {
      "Manages customer instances on a running weft serve, through its API (--server, --token).",
      "Secret config values are asked at the terminal or read from stdin (--secret KEY), never taken from the command line."
    },
    subcommands = {
      InstanceCommand.Create.class, InstanceCommand.ListAll.class, InstanceCommand.Show.class, InstanceCommand.Config.class,
      InstanceCommand.Enable.class, InstanceCommand.Disable.class, InstanceCommand.Plan.class, InstanceCommand.Delete.class
    })
final class InstanceCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    command.commandLine().usage(command.commandLine().getErr());
    return 2;
  }

  /** Runs a command against the server: 0 done, 1 refused, 2 cannot reach it or bad input. */
  abstract static class ApiCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec CommandSpec spec;
    @Mixin ServerOptions server = new ServerOptions();

    abstract int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception;

    String name() {
      return spec.qualifiedName(" ");
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      try {
        return run(server.api(), spec.commandLine().getOut(), err);
      } catch (ServerApi.Unreachable e) {
        err.println(name() + ": " + e.getMessage());
        return 2;
      } finally {
        spec.commandLine().getOut().flush();
        err.flush();
      }
    }
  }

  /** KEY=VALUE pairs; secret-typed options are refused here (they come through --secret). */
  static Optional<Map<String, Object>> config(List<String> pairs, List<String> secretKeys, List<Map<String, Object>> options,
      PrintWriter err, String command) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        err.println(command + ": '" + pair + "' is not KEY=VALUE");
        return Optional.empty();
      }
      String key = pair.substring(0, eq);
      boolean secret = options.stream().anyMatch(o -> key.equals(o.get("key")) && "secret".equals(o.get("type")));
      if (secret) {
        err.println(command + ": " + key + " is a secret: give it with --secret " + key + " (asked at the terminal or read from stdin),"
            + " never on the command line");
        return Optional.empty();
      }
      config.put(key, pair.substring(eq + 1));
    }
    return Optional.of(config);
  }

  /** The config options of an integration, as the server lists them. */
  static List<Map<String, Object>> options(ServerApi api, String integration) throws Exception {
    ServerApi.Answer all = api.get("/api/integrations");
    for (Map<String, Object> i : all.list())
      if (integration.equals(i.get("id")) && i.get("config") instanceof List<?> l) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) l;
        return options;
      }
    return List.of();
  }

  static Optional<Map<String, Object>> withSecrets(Map<String, Object> config, List<String> secretKeys, PrintWriter err, String command)
      throws IOException {
    Optional<Map<String, String>> secrets = SecretInput.read(secretKeys, err, command);
    if (secrets.isEmpty()) return Optional.empty();
    Map<String, Object> all = new LinkedHashMap<>(config);
    all.putAll(secrets.get());
    return Optional.of(all);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an instance of an integration for a customer.")
  static final class Create extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The instance id: lowercase letters, digits and dashes.")
    String id;

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "The integration (weft serve lists them at /api/integrations).")
    String integration;

    @Option(names = "--customer", paramLabel = "NAME", description = "Whose instance it is (a customer token makes it its own).")
    Optional<String> customer = Optional.empty();

    @Option(names = "--plan", paramLabel = "PLAN", description = "The plan, when the integration has plans.")
    Optional<String> plan = Optional.empty();

    @Option(names = "--version", paramLabel = "V", description = "A pinned version (default: latest).")
    Optional<String> version = Optional.empty();

    @Option(names = "--environment", paramLabel = "ENV", description = "production (approved versions only; the default) or test.")
    Optional<String> environment = Optional.empty();

    @Option(names = "--disabled", description = "Create it switched off.")
    boolean disabled;

    @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A config value (lists: a,b,c). Repeatable.")
    List<String> config = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "KEY", description = "A secret config value, asked at the terminal or read from stdin (one line each). Repeatable.")
    List<String> secrets = new ArrayList<>();

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      Optional<Map<String, Object>> values = config(config, secrets, options(api, integration), err, name());
      if (values.isEmpty()) return 2;
      values = withSecrets(values.get(), secrets, err, name());
      if (values.isEmpty()) return 2;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id);
      body.put("integration", integration);
      customer.ifPresent(c -> body.put("customer", c));
      plan.ifPresent(p -> body.put("plan", p));
      version.ifPresent(v -> body.put("version", v));
      environment.ifPresent(e -> body.put("environment", e));
      if (disabled) body.put("enabled", false);
      body.put("config", values.get());
      ServerApi.Answer a = api.post("/api/instances", body);
      if (!a.ok()) return a.explain(err, name());
      out.println("created instance " + id + " (" + integration + ", customer " + a.map().get("customer") + ", "
          + a.map().get("environment") + (Boolean.TRUE.equals(a.map().get("enabled")) ? ", enabled" : ", disabled") + ")");
      if (a.map().get("webhooks") instanceof List<?> hooks) hooks.forEach(h -> out.println("  webhook: " + h));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the instances the token may see.")
  static final class ListAll extends ApiCommand {
    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.get("/api/instances");
      if (!a.ok()) return a.explain(err, name());
      if (json) {
        out.println(ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a.body()));
        return 0;
      }
      if (a.list().isEmpty()) {
        out.println("No instances. Create one with: weft instance create ID --integration INTEGRATION --customer NAME");
        return 0;
      }
      Table t = new Table("ID", "CUSTOMER", "INTEGRATION", "VERSION", "PLAN", "ENVIRONMENT", "ENABLED");
      for (Map<String, Object> i : a.list())
        t.row(i.get("id"), i.get("customer"), i.get("integration"), i.get("version"), i.get("plan"), i.get("environment"),
            Boolean.TRUE.equals(i.get("enabled")) ? "yes" : "no");
      t.print(out);
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one instance: its settings, config (secrets hidden), webhooks and connections.")
  static final class Show extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.get("/api/instances/" + ServerApi.segment(id));
      if (!a.ok()) return a.explain(err, name());
      ServerApi.Answer connections = api.get("/api/instances/" + ServerApi.segment(id) + "/connections");
      if (json) {
        Map<String, Object> all = new LinkedHashMap<>(a.map());
        all.put("connections", connections.ok() ? connections.body() : List.of());
        out.println(ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        return 0;
      }
      Map<String, Object> i = a.map();
      out.println("Instance " + i.get("id"));
      for (String field : List.of("customer", "integration", "version", "plan", "environment", "enabled"))
        out.printf("  %-12s %s%n", field + ":", i.get(field) == null ? "-" : i.get(field));
      if (i.get("config") instanceof Map<?, ?> config && !config.isEmpty()) {
        out.println("Config:");
        config.forEach((k, v) -> out.println("  " + k + " = " + v));
      }
      if (i.get("webhooks") instanceof List<?> hooks && !hooks.isEmpty()) {
        out.println("Webhooks:");
        hooks.forEach(h -> out.println("  " + h));
      }
      if (connections.ok() && !connections.list().isEmpty()) {
        out.println("Connections (OAuth 2):");
        for (Map<String, Object> c : connections.list())
          out.println("  " + c.get("system") + ": " + (Boolean.TRUE.equals(c.get("connected"))
              ? "connected" + (c.get("expires_at") == null ? "" : ", token expires " + c.get("expires_at"))
              : "not connected (POST /api/instances/" + id + "/connections/" + c.get("system") + "/link gives a link for the customer)"));
      }
      return 0;
    }
  }

  @Command(name = "config", mixinStandardHelpOptions = true, description = "Changes an instance's config.", subcommands = Config.Set.class)
  static final class Config implements Callable<Integer> {
    @picocli.CommandLine.Spec CommandSpec command;

    @Override
    public Integer call() {
      command.commandLine().usage(command.commandLine().getErr());
      return 2;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
        description = "Sets config values; the others stay as they are. Secret values come through --secret KEY.")
    static final class Set extends ApiCommand {
      @Parameters(index = "0", paramLabel = "ID")
      String id;

      @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Config values (lists: a,b,c).")
      List<String> pairs = new ArrayList<>();

      @Option(names = "--secret", paramLabel = "KEY", description = "A secret config value, asked at the terminal or read from stdin (one line each). Repeatable.")
      List<String> secrets = new ArrayList<>();

      @Override
      int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
        if (pairs.isEmpty() && secrets.isEmpty()) {
          err.println(name() + ": give KEY=VALUE pairs or --secret KEY");
          return 2;
        }
        ServerApi.Answer current = api.get("/api/instances/" + ServerApi.segment(id));
        if (!current.ok()) return current.explain(err, name());
        Optional<Map<String, Object>> values = config(pairs, secrets, options(api, String.valueOf(current.map().get("integration"))), err, name());
        if (values.isEmpty()) return 2;
        values = withSecrets(values.get(), secrets, err, name());
        if (values.isEmpty()) return 2;
        ServerApi.Answer a = api.put("/api/instances/" + ServerApi.segment(id), Map.of("config", values.get()));
        if (!a.ok()) return a.explain(err, name());
        out.println("config of " + id + " set: " + String.join(", ", values.get().keySet()));
        return 0;
      }
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switches an instance on: its schedules, webhooks and events run.")
  static final class Enable extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.post("/api/instances/" + ServerApi.segment(id) + "/enable", null);
      if (!a.ok()) return a.explain(err, name());
      out.println("instance " + id + " enabled");
      return 0;
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switches an instance off: nothing of it runs until enabled again.")
  static final class Disable extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.post("/api/instances/" + ServerApi.segment(id) + "/disable", null);
      if (!a.ok()) return a.explain(err, name());
      out.println("instance " + id + " disabled");
      return 0;
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true, description = "Changes an instance's plan (admin).", subcommands = Plan.Set.class)
  static final class Plan implements Callable<Integer> {
    @picocli.CommandLine.Spec CommandSpec command;

    @Override
    public Integer call() {
      command.commandLine().usage(command.commandLine().getErr());
      return 2;
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets the plan; flows outside it stop being scheduled or run.")
    static final class Set extends ApiCommand {
      @Parameters(index = "0", paramLabel = "ID")
      String id;

      @Parameters(index = "1", paramLabel = "PLAN")
      String plan;

      @Override
      int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
        ServerApi.Answer a = api.put("/api/instances/" + ServerApi.segment(id), Map.of("plan", plan));
        if (!a.ok()) return a.explain(err, name());
        out.println("instance " + id + " is on plan " + plan);
        return 0;
      }
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Deletes an instance with its config and OAuth 2 grants; its run history and dead letters stay.")
  static final class Delete extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.delete("/api/instances/" + ServerApi.segment(id));
      if (!a.ok()) return a.explain(err, name());
      out.println("instance " + id + " deleted");
      return 0;
    }
  }
}
