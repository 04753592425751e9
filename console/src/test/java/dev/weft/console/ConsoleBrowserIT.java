package dev.weft.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as people use it, in headless Chromium: an admin logs in, approves a version, reads
 * the diff, creates an instance through the wizard (a wrong value shows that field's error), runs
 * it (after its plan) and watches it finish, inspects and replays the dead letter; then a customer sees only its
 * own integrations, instances and runs, and switches an integration on. Screenshots of every page
 * land in {@code console/target/screenshots/}.
 */
class ConsoleBrowserIT {
  @TempDir Path dir;
  ConsoleFixture f;
  Browser b;

  @BeforeEach
  void start() throws Exception {
    Browser.require();
    f = new ConsoleFixture(dir);
    b = new Browser(dir.resolve("chromium-profile"));
  }

  @AfterEach
  void stop() {
    if (b != null) b.close();
    if (f != null) f.close();
  }

  @Test
  void an_admin_and_then_a_customer_work_through_the_console() throws Exception {
    f.addSecondVersion();
    String acme = f.customerToken("acme");
    assertThat(f.api("POST", "/api/instances", ConsoleFixture.ADMIN, """
        {"id": "globex-orders", "customer": "globex", "integration": "console-orders", "plan": "pro", "environment": "test",
         "config": {"region": "us", "api_key": "globex-secret-key"}}""").statusCode()).isEqualTo(201);
    assertThat(f.api("POST", "/api/instances/globex-orders/flows/orders/runs", ConsoleFixture.ADMIN, null).statusCode()).isEqualTo(202);

    // Log in as admin: the console sends people without a session to the login page.
    b.open(f.server.url() + "/console/runs");
    assertThat(b.driver.getCurrentUrl()).contains("/console/login");
    b.type("#token", "not-a-token");
    b.find("form button[type=submit]").click();
    assertThat(b.find("#token-error").getText()).isEqualTo("This token is not known to this server.");
    b.screenshot("login-refused");
    b.type("#token", ConsoleFixture.ADMIN);
    b.find("form button[type=submit]").click();
    b.waiting(30).until(ExpectedConditions.urlMatches(".*" + "/console/runs" + "$"));
    assertThat(b.driver.manage().getCookieNamed("weft_console").isHttpOnly()).isTrue();
    assertThat(b.driver.manage().getCookieNamed("weft_console").getValue()).doesNotContain(ConsoleFixture.ADMIN);

    // Integrations: the list, the rendered specification, and approving a version.
    b.find("nav a[href='/console/integrations']").click();
    assertThat(b.text()).contains("Warehouse orders", "Contacts export", "Enterprise audit feed");
    b.screenshot("integrations");
    b.driver.findElement(By.linkText("Warehouse orders")).click();
    assertThat(b.find(".spec-document").getText()).contains("Warehouse orders into the ledger, with quantities", "Order files to the ledger");
    assertThat(b.all(".spec-document figure.diagram svg")).hasSize(1);
    List<WebElement> rows = b.all("#versions tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("not approved");
    rows.get(0).findElement(By.name("by")).sendKeys("Head of Operations");
    rows.get(0).findElement(By.cssSelector("button")).click();
    assertThat(b.find(".notice.ok").getText()).contains("approved by Head of Operations");
    assertThat(b.all("#versions tbody tr").get(0).getText()).contains("approved", "by Head of Operations");
    b.screenshot("integration-approved");

    b.find(".diff-form button").click();
    b.waiting(10).until(ExpectedConditions.urlContains("/diff?"));
    assertThat(b.all("table.diff tr.changed")).isNotEmpty();
    assertThat(b.find("table.diff tr.changed td.new").getText()).contains("with quantities");
    b.screenshot("version-diff");

    // The wizard: a wrong value is refused with the field's own message; secrets are not echoed.
    b.open(f.server.url() + "/console/instances/new?integration=console-orders");
    b.type("#f-id", "acme-orders");
    b.type("#f-customer", "acme");
    new Select(b.find("#f-plan")).selectByValue("starter");
    new Select(b.find("#f-region")).selectByValue("eu");
    b.type("#f-api_key", "acme-very-secret-key");
    b.type("#f-alert_email", "not-an-email");
    b.find("#f-batch").click(); // leaving the field checks it as the server will
    b.waiting(10).until(ExpectedConditions.textToBe(By.id("f-alert_email-error"), "must be an email address"));
    b.submit(".wizard button[type=submit]");
    assertThat(b.find("#f-alert_email-error").getText()).isEqualTo("must be an email address");
    assertThat(b.find("#f-alert_email").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(b.find("#f-api_key").getDomProperty("value")).isEmpty();
    assertThat(b.driver.getPageSource()).doesNotContain("acme-very-secret-key");
    b.screenshot("wizard-field-error");
    b.type("#f-api_key", "acme-very-secret-key");
    b.type("#f-alert_email", "ops@acme.example");
    b.find(".wizard button[type=submit]").click();
    b.waiting(30).until(ExpectedConditions.urlMatches(".*" + "/console/instances/acme-orders" + "$"));
    assertThat(b.find(".notice.ok").getText()).contains("acme-orders created");
    assertThat(b.text()).contains("starter", "not in plan");
    assertThat(b.all(".copy input").get(0).getDomProperty("value")).endsWith("/hooks/acme-orders/events");
    assertThat(b.driver.getPageSource()).doesNotContain("acme-very-secret-key");
    b.screenshot("instance-created");

    // The plan: what a run would write, before anything is written.
    b.find("a[href$='/flows/orders/plan']").click();
    assertThat(b.find("h1").getText()).isEqualTo("What a run of orders would change");
    b.screenshot("plan");
    // globex's run already wrote A-1 and A-3 (A-2 was refused), so only A-2 would be created
    assertThat(b.find(".plan-creates").getText()).isEqualTo("1");
    assertThat(b.find(".plan-unchanged").getText()).isEqualTo("2");
    assertThat(b.find("table.plan").getText()).contains("create A-2", "500");
    try (var c = f.target(); ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + ConsoleFixture.TABLE)) {
      r.next();
      assertThat(r.getInt(1)).as("a plan writes nothing").isEqualTo(2);
    }
    b.driver.navigate().back();

    // Run now, and watch the run page until it is done.
    b.find("form[action$='/flows/orders/run'] button").click();
    b.waiting(30).until(ExpectedConditions.urlContains("/console/runs/"));
    b.waiting(60).until(d -> !"running".equals(d.findElement(By.id("progress")).getDomAttribute("data-status")));
    assertThat(b.find("#run-status").getText()).isEqualTo("succeeded");
    assertThat(b.find("#count-read").getText()).isEqualTo("3");
    assertThat(b.find("#count-written").getText()).isEqualTo("2");
    assertThat(b.find("#count-dead").getText()).isEqualTo("1");
    b.screenshot("run-finished");

    // The dead letter: its reason and record, then a replay once the target accepts it.
    b.find("#count-dead a").click();
    assertThat(b.all("table tbody tr")).hasSize(1);
    b.screenshot("dead-letters");
    b.find("table tbody tr a").click();
    assertThat(b.find("#reason").getText()).contains("refused by the database");
    assertThat(b.find("pre.record").getText()).contains("A-2", "500");
    b.screenshot("dead-letter");
    try (var c = f.target()) {
      c.createStatement().execute("ALTER TABLE " + ConsoleFixture.TABLE + " DROP CONSTRAINT console_qty_small");
    }
    b.find("form[action$='/replay'] button").click();
    assertThat(b.find(".notice.ok").getText()).contains("delivered");
    assertThat(b.find("#letter-state").getText()).contains("delivered");
    b.screenshot("dead-letter-replayed");
    try (var c = f.target(); ResultSet r = c.createStatement().executeQuery("SELECT qty FROM " + ConsoleFixture.TABLE + " WHERE order_id = 'A-2'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(500);
    }

    // Runs with a filter, and the instances list.
    b.open(f.server.url() + "/console/runs?status=succeeded");
    assertThat(b.all("table tbody tr")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(b.text()).contains("acme-orders", "globex-orders");
    b.screenshot("runs");
    b.open(f.server.url() + "/console/instances");
    assertThat(b.text()).contains("acme-orders", "globex-orders");
    b.screenshot("instances");

    // A customer: only its own things.
    b.find("header form button").click();
    b.type("#token", acme);
    b.find("form button[type=submit]").click();
    b.waiting(30).until(ExpectedConditions.urlMatches(".*" + "/console/home" + "$"));
    assertThat(b.text()).contains("Warehouse orders", "Contacts export").doesNotContain("Enterprise audit feed");
    b.screenshot("customer-home");
    b.open(f.server.url() + "/console/instances");
    assertThat(b.text()).contains("acme-orders").doesNotContain("globex");
    b.screenshot("customer-instances");
    b.open(f.server.url() + "/console/runs");
    assertThat(b.text()).contains("acme-orders").doesNotContain("globex");
    b.screenshot("customer-runs");
    b.open(f.server.url() + "/console/instances/globex-orders");
    assertThat(b.find("h1").getText()).isEqualTo("Not found");
    b.open(f.server.url() + "/console/integrations/console-hidden");
    assertThat(b.find("h1").getText()).isEqualTo("Not found");
    b.open(f.server.url() + "/console/instances/acme-orders");
    assertThat(b.all("#f-plan")).isEmpty(); // a customer does not choose its plan
    b.screenshot("customer-instance");

    // ...and switches on an integration open to every customer through the wizard.
    b.open(f.server.url() + "/console/home");
    b.driver.findElement(By.linkText("Switch on")).click();
    b.type("#f-id", "acme-contacts");
    b.submit(".wizard button[type=submit]");
    assertThat(b.find("#f-folder_label-error").getText()).isEqualTo("is required");
    b.type("#f-folder_label", "Contacts");
    b.find(".wizard button[type=submit]").click();
    b.waiting(30).until(ExpectedConditions.urlMatches(".*" + "/console/instances/acme-contacts" + "$"));
    assertThat(b.text()).contains("Customer", "acme");
    b.screenshot("customer-switched-on");
  }
}
