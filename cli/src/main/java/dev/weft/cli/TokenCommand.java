package dev.weft.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft token create | list | revoke}: API tokens of a running {@code weft serve} (admin). */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Manages API tokens on a running weft serve (needs an admin token: --token or $WEFT_TOKEN).",
      "A token's value is printed once, when it is made; the server keeps only its hash.",
      "Lost every admin token? Start weft serve with WEFT_ADMIN_TOKEN set to a new one."
    },
    subcommands = {TokenCommand.Create.class, TokenCommand.ListAll.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    command.commandLine().usage(command.commandLine().getErr());
    return 2;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Makes a token and prints its value (alone on stdout, shown this once); its id goes to stderr.")
  static final class Create extends InstanceCommand.ApiCommand {
    static final class Scope {
      @Option(names = "--admin", required = true, description = "An admin token: everything.")
      boolean admin;

      @Option(names = "--customer", required = true, paramLabel = "NAME", description = "A customer's token: that customer's instances, runs and dead letters.")
      Optional<String> customer = Optional.empty();
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--name", paramLabel = "NAME", description = "What the token is for, shown by weft token list.")
    Optional<String> label = Optional.empty();

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      if (scope.admin) body.put("admin", true);
      else body.put("customer", scope.customer.orElseThrow());
      label.ifPresent(n -> body.put("name", n));
      ServerApi.Answer a = api.post("/api/tokens", body);
      if (!a.ok()) return a.explain(err, name());
      err.println("token " + a.map().get("id") + " (" + (scope.admin ? "admin" : "customer " + a.map().get("customer"))
          + ") created; its value is shown this once:");
      err.flush();
      out.println(a.map().get("token"));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens: id, name, scope, created, last used. Never their values.")
  static final class ListAll extends InstanceCommand.ApiCommand {
    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.get("/api/tokens");
      if (!a.ok()) return a.explain(err, name());
      if (json) {
        out.println(ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a.body()));
        return 0;
      }
      Table t = new Table("ID", "NAME", "SCOPE", "CUSTOMER", "CREATED", "LAST USED");
      for (Map<String, Object> token : a.list())
        t.row(token.get("id"), token.get("name"), token.get("scope"), token.get("customer"), token.get("created_at"),
            token.get("last_used_at") == null ? "never" : token.get("last_used_at"));
      t.print(out);
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token by id; it stops working at once. The last admin token is kept.")
  static final class Revoke extends InstanceCommand.ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The token's id (weft token list).")
    String id;

    @Override
    int run(ServerApi api, PrintWriter out, PrintWriter err) throws Exception {
      ServerApi.Answer a = api.delete("/api/tokens/" + ServerApi.segment(id));
      if (!a.ok()) return a.explain(err, name());
      out.println("token " + id + " revoked");
      return 0;
    }
  }
}
