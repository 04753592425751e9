package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code weft trigger INSTANCE FLOW}: asks a running {@code weft serve} to run a flow of an instance now. */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a flow of an instance now, on a running weft serve (POST /api/instances/ID/flows/FLOW/runs).",
      "Prints the run id. Exit codes: 0 queued, 1 refused by the server, 2 the server cannot be reached."
    })
final class TriggerCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @picocli.CommandLine.Spec(Target.SELF)
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "INSTANCE")
  String instance;

  @Parameters(index = "1", paramLabel = "FLOW")
  String flow;

  @Mixin ServerOptions server = new ServerOptions();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = command.commandLine().getErr();
    String url = server.url;
    String token = server.token;
    HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/instances/" + instance + "/flows/" + flow + "/runs"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("weft trigger: cannot reach " + url + ": " + e.getMessage());
      return 2;
    }
    Map<?, ?> body;
    try {
      body = JSON.readValue(response.body(), Map.class);
    } catch (IOException e) {
      body = Map.of();
    }
    if (response.statusCode() != 202) {
      Object why = body.containsKey("error") ? body.get("error") : response.body();
      err.println("weft trigger: " + response.statusCode() + " " + why);
      return 1;
    }
    command.commandLine().getOut().println("run " + body.get("run_id") + " of " + instance + "/" + flow + " started");
    return 0;
  }
}
