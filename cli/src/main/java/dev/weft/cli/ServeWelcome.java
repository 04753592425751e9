package dev.weft.cli;

import dev.weft.server.WeftServer;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code weft serve} prints after its first lines: where to look, and on a new store with the
 * quickstart loaded, a demo instance of it and the commands that run it.
 */
final class ServeWelcome {
  static final String QUICKSTART = "quickstart-orders";
  static final String DEMO = "demo";

  private ServeWelcome() {}

  static void print(WeftServer server, Optional<String> adminToken, PrintWriter out) {
    String url = server.url();
    String weft = Files.isExecutable(Path.of("weft")) ? "./weft" : "weft";
    out.println("  health: " + url + "/health   metrics: " + url + "/metrics");
    if (answers(url + "/console")) out.println("  console: " + url + "/console");
    boolean demo = adminToken.isPresent() && server.integrations().contains(QUICKSTART) && createDemo(url, adminToken.get());
    String token = server.createdAdminToken().isPresent() ? server.createdAdminToken().get() : "$WEFT_TOKEN";
    if (demo) out.println("  demo instance: " + DEMO + " (" + QUICKSTART + ", customer demo, environment test)");
    out.println("Try it (in another terminal):");
    out.println("  export WEFT_TOKEN=" + token);
    if (demo || server.integrations().contains(QUICKSTART)) {
      out.println("  " + weft + " trigger " + DEMO + " orders        # run the quickstart's flow on the server");
      out.println("  " + weft + " runs                          # its run: read, written, dead-lettered");
      out.println("  " + weft + " logs RUN --follow             # a run's log");
    }
    out.println("  " + weft + " instance list                 # customer instances; weft instance create --help");
    out.println("  curl -H \"Authorization: Bearer $WEFT_TOKEN\" " + url + "/api/integrations");
    out.println("Stop with Ctrl-C: running work finishes first.");
  }

  /** Creates the demo instance through the API when the store has no instance yet; false when there are some already. */
  private static boolean createDemo(String url, String adminToken) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> existing = http.send(HttpRequest.newBuilder(URI.create(url + "/api/instances"))
          .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
      if (existing.statusCode() != 200) return false;
      if (existing.body().contains("\"id\":\"" + DEMO + "\"")) return true;
      if (!existing.body().strip().equals("[]")) return false;
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/instances"))
          .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + DEMO + "\", \"customer\": \"demo\", \"integration\": \"" + QUICKSTART
              + "\", \"environment\": \"test\"}")).build(), HttpResponse.BodyHandlers.ofString());
      return created.statusCode() == 201;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean answers(String url) {
    try {
      HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
          .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() < 400;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
