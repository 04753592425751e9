package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code weft serve} process of the built jar for end-to-end tests: started, asked, stopped with SIGTERM or killed with SIGKILL. */
final class ServeProcess implements AutoCloseable {
  static final String ADMIN = "it-admin-token";
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  final Process process;
  final String url;
  final Path stderr;
  private final StringBuffer stdout;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServeProcess(Process process, String url, Path stderr, StringBuffer stdout) {
    this.process = process;
    this.url = url;
    this.stderr = stderr;
    this.stdout = stdout;
  }

  /** Starts and waits until it listens. */
  static ServeProcess start(Path dir, Path specs, String store, int port, String... more) throws IOException {
    return start(dir, Map.of(), specs, store, port, more);
  }

  /** With more environment variables (e.g. WEFT_LOG_LEVEL). */
  static ServeProcess start(Path dir, Map<String, String> env, Path specs, String store, int port, String... more) throws IOException {
    Path stderr = Files.createTempFile(dir, "serve-stderr", ".txt");
    List<String> args = new ArrayList<>(List.of("serve", "--specs", specs.toString(), "--store", store, "--port", Integer.toString(port)));
    args.addAll(List.of(more));
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("WEFT_MASTER_KEY", KEY);
    all.put("WEFT_ADMIN_TOKEN", ADMIN);
    Process p = WeftProcess.builder(dir, all, args.toArray(String[]::new))
        .redirectError(stderr.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    Matcher url = Pattern.compile("(http://[^ ]+:\\d+)").matcher(String.valueOf(first));
    if (!url.find()) {
      p.destroyForcibly();
      throw new AssertionError("weft serve did not start: " + first + "\n" + Files.readString(stderr));
    }
    StringBuffer printed = new StringBuffer(first).append('\n');
    Thread.ofVirtual().start(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) printed.append(line).append('\n');
      } catch (IOException ignored) {
        // the process ended
      }
    });
    return new ServeProcess(p, url.group(1), stderr, printed);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  record Answer(int status, String body) {}

  Answer call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /** SIGTERM, then waits for the exit; the exit code. */
  int terminate(Duration atMost) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("weft serve did not stop within " + atMost);
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** What it printed on stdout so far (the pipe is drained as it goes). */
  String stdoutText() {
    return stdout.toString();
  }

  String stderrText() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
