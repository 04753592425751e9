package dev.weft.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with the flags this closed network
 * needs (no background networking, no component updates), and full-page screenshots under
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private int shot;

  Browser(Path profile) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)); // an element of the next page may take a moment
    Files.createDirectories(SCREENSHOTS);
  }

  /** Skips loudly on a laptop without Chromium; fails in CI, which installs it. */
  static void require() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) return;
    String message = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("WEFT_REQUIRE_SERVICES")))
      throw new AssertionError(message);
    System.err.println("SKIPPED (no browser): " + message);
    Assumptions.abort(message);
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  java.util.List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text() {
    return find("main").getText();
  }

  void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks a button that posts a form and waits until the server's answer has replaced the page. */
  void submit(String css) {
    WebElement button = find(css);
    button.click();
    waiting(30).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
  }

  WebDriverWait waiting(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  /** A screenshot of the whole page, numbered in the order taken. */
  Path screenshot(String name) throws Exception {
    long height = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight")).longValue();
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height + 140, 800), 7000)));
    File png = driver.getScreenshotAs(OutputType.FILE);
    driver.manage().window().setSize(before);
    Path out = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
    Files.copy(png.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return out;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
