package dev.weft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testkit.Services;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages with 1,000 instances, 10,000 runs and 2,000 dead letters in the store, on
 * embedded H2 and on PostgreSQL. Measures each page's time (median of 7 after a warm-up) and
 * writes them to {@code target/console-page-times.txt}; asserts what each page shows, never a time.
 */
class ConsoleScaleIT {
  static final int INSTANCES = 1_000;
  static final int RUNS = 10_000;
  static final int LETTERS = 2_000;

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void pages_stay_quick_on_h2() throws Exception {
    measure("H2 (embedded)", "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0");
  }

  @Test
  void pages_stay_quick_on_postgresql() throws Exception {
    Services.POSTGRESQL.require();
    try (Connection c = DriverManager.getConnection(Services.POSTGRESQL.url())) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS console_scale CASCADE");
    }
    measure("PostgreSQL", Services.POSTGRESQL.url() + "&currentSchema=console_scale");
  }

  private void measure(String label, String storeUrl) throws Exception {
    try (ConsoleFixture f = new ConsoleFixture(dir, storeUrl)) {
      seed(f);
      String cookie = login(f);
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("instances, first page", "/console/instances");
      pages.put("instances, page 11 (after scale-0500)", "/console/instances?after=scale-0500");
      pages.put("instances of one customer", "/console/instances?customer=cust-042");
      pages.put("one instance (flows, runs, form)", "/console/instances/scale-0500");
      pages.put("runs, first page", "/console/runs");
      pages.put("runs, 100th page", deepRunsPage(f, cookie, 99));
      pages.put("runs of one instance", "/console/runs?instance=scale-0500");
      pages.put("failed runs", "/console/runs?status=failed");
      pages.put("runs in one day", "/console/runs?from=2026-11-10T00:00&to=2026-11-11T00:00");
      pages.put("one run", "/console/runs/run-05000");
      pages.put("dead letters, first page", "/console/dead-letters");
      pages.put("dead letters of one instance", "/console/dead-letters?instance=scale-0007");
      pages.put("integrations", "/console/integrations");
      pages.put("integration document", "/console/integrations/console-orders");
      StringBuilder report = new StringBuilder("Console page times on " + label + " with " + INSTANCES + " instances, " + RUNS
          + " runs, " + LETTERS + " dead letters (median of 7, ms):\n");
      for (var page : pages.entrySet()) {
        HttpResponse<String> first = get(f, cookie, page.getValue());
        assertThat(first.statusCode()).as(page.getKey()).isEqualTo(200);
        checkContent(page.getKey(), first.body());
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
          long start = System.nanoTime();
          get(f, cookie, page.getValue());
          times[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(times);
        report.append(String.format("  %-40s %8.1f%n", page.getKey(), times[times.length / 2] / 1000.0));
      }
      System.out.println(report);
      Path out = Path.of("target", "console-page-times.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static void checkContent(String page, String html) {
    int rows = count(html, "<tr>") + count(html, "<tr class=");
    switch (page) {
      case "instances, first page", "instances, page 11 (after scale-0500)" -> {
        assertThat(count(html, "href=\"/console/instances/scale-")).as(page).isEqualTo(50);
        assertThat(html).as(page).contains("rel=\"next\"");
      }
      case "instances of one customer" -> assertThat(count(html, "href=\"/console/instances/scale-")).as(page).isEqualTo(10);
      case "runs, first page", "runs, 100th page" -> {
        assertThat(count(html, "href=\"/console/runs/run-")).as(page).isEqualTo(50);
        assertThat(html).as(page).contains("rel=\"next\"");
      }
      case "runs of one instance" -> assertThat(count(html, "href=\"/console/runs/run-")).as(page).isEqualTo(10);
      case "dead letters, first page" -> assertThat(count(html, "href=\"/console/dead-letters/")).as(page).isEqualTo(50);
      case "one run" -> assertThat(html).as(page).contains("id=\"count-read\"", "scale-");
      case "integration document" -> assertThat(html).as(page).contains("class=\"spec-document\"", "<svg");
      default -> assertThat(rows).as(page).isPositive();
    }
  }

  /** Follows "Older runs" links, as a person paging back would. */
  private String deepRunsPage(ConsoleFixture f, String cookie, int clicks) throws Exception {
    String path = "/console/runs";
    Pattern next = Pattern.compile("href=\"(/console/runs\\?after=[^\"]+)\" rel=\"next\"");
    for (int i = 0; i < clicks; i++) {
      Matcher m = next.matcher(get(f, cookie, path).body());
      assertThat(m.find()).as("page " + (i + 1) + " links to the next").isTrue();
      path = m.group(1).replace("&amp;", "&");
    }
    return path;
  }

  private void seed(ConsoleFixture f) throws Exception {
    Random random = new Random(42);
    OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    try (Connection c = f.server.store().dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO instances (id, customer, integration_id, version, plan, environment,"
          + " enabled, config_json, created_at, updated_at) VALUES (?, ?, 'console-orders', 'latest', 'starter', 'test', TRUE,"
          + " '{\"region\":\"eu\"}', ?, ?)")) {
        for (int i = 1; i <= INSTANCES; i++) {
          s.setString(1, String.format("scale-%04d", i));
          s.setString(2, String.format("cust-%03d", i % 100));
          s.setObject(3, start);
          s.setObject(4, start);
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO runs (id, integration_id, spec_version, instance, flow, run_trigger,"
          + " status, read_count, written_count, dead_lettered_count, filtered_count, started_at, finished_at, user_message)"
          + " VALUES (?, 'console-orders', 'v1', ?, 'orders', 'schedule', ?, ?, ?, ?, 0, ?, ?, ?)")) {
        for (int i = 1; i <= RUNS; i++) {
          boolean failed = random.nextInt(20) == 0;
          long read = random.nextInt(5000);
          long dead = failed ? 0 : random.nextInt(3);
          OffsetDateTime at = start.plusSeconds(i * 259L); // 10,000 runs over 30 days
          s.setString(1, String.format("run-%05d", i));
          s.setString(2, String.format("scale-%04d", (i % INSTANCES) + 1));
          s.setString(3, failed ? "FAILED" : "SUCCEEDED");
          s.setLong(4, read);
          s.setLong(5, failed ? 0 : read - dead);
          s.setLong(6, dead);
          s.setObject(7, at);
          s.setObject(8, at.plusSeconds(3));
          s.setString(9, failed ? "Order files could not be read: the drop folder is not there" : null);
          s.addBatch();
          if (i % 1000 == 0) s.executeBatch();
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO dead_letters (run_id, instance, flow, record_position, step, reason,"
          + " source_record, created_at) VALUES (?, ?, 'orders', ?, 'target', 'target: refused by the database: qty too large', ?, ?)")) {
        for (int i = 1; i <= LETTERS; i++) {
          s.setString(1, String.format("run-%05d", i * 5));
          s.setString(2, String.format("scale-%04d", (i % INSTANCES) + 1));
          s.setString(3, "orders-1.csv:" + i);
          s.setString(4, "{\"order_id\":\"A-" + i + "\",\"qty\":\"500\"}");
          s.setObject(5, start.plusSeconds(i * 1000L));
          s.addBatch();
        }
        s.executeBatch();
      }
      c.commit();
    }
  }

  private String login(ConsoleFixture f) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(f.server.url() + "/console/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(ConsoleFixture.ADMIN, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private HttpResponse<String> get(ConsoleFixture f, String cookie, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(f.server.url() + path)).header("Cookie", cookie).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
    return n;
  }
}
