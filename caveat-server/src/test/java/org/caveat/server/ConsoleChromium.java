package org.caveat.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium and chromedriver, found (or installed when root) by
 * {@code scripts/test/ensure-chromium.sh --driver}, driven by Selenium headless with a fresh
 * profile and no background traffic. Without a browser the test fails when {@code CI} is set and
 * is skipped otherwise (as caveat-report's report test does).
 */
final class ConsoleChromium implements AutoCloseable {
  static final String SCRIPT = "scripts/test/ensure-chromium.sh";
  final ChromeDriver driver;
  final Path profile;
  final Path shots;
  private int shot;

  private ConsoleChromium(ChromeDriver driver, Path profile, Path shots) {
    this.driver = driver;
    this.profile = profile;
    this.shots = shots;
  }

  /** A browser at 1280×800 whose screenshots go to {@code target/console-screenshots}. */
  static ConsoleChromium start() throws IOException, InterruptedException {
    List<String> paths = locate();
    Path profile = Files.createTempDirectory("caveat-console-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(paths.get(0));
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1280,800");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(paths.get(1)).toFile())
        .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
    ChromeDriver driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));
    try (var old = Files.newDirectoryStream(shots, "*.png")) { // this run's screenshots only
      for (Path p : old) Files.delete(p);
    }
    return new ConsoleChromium(driver, profile, shots);
  }

  /** Saves a screenshot as target/console-screenshots/NN-name.png. */
  Path screenshot(String name) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path f = shots.resolve(String.format("%02d-%s.png", ++shot, name));
    Files.write(f, png);
    return f;
  }

  /** Console messages of level SEVERE (errors, failed loads) since the last call. */
  List<String> consoleErrors() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
    }
    return out;
  }

  /** Every URL the page requested (DevTools Network.requestWillBeSent) since the last call. */
  List<String> requestedUrls() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      String m = e.getMessage();
      if (!m.contains("\"Network.requestWillBeSent\"")) continue;
      try {
        var node = org.caveat.json.Json.MAPPER.readTree(m).path("message").path("params").path("request").path("url");
        out.add(node.asText());
      } catch (IOException ex) {
        throw new IllegalStateException("unreadable DevTools log entry: " + m, ex);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    // Best effort: Chromium's helper processes may still touch the profile for a moment after
    // quit (a vanished file surfaces as an UncheckedIOException from the walk).
    for (int pass = 0; pass < 3 && Files.exists(profile); pass++) {
      try (var s = Files.walk(profile)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }

  private static List<String> locate() throws IOException, InterruptedException {
    Path script = script();
    Path out = Files.createTempFile("ensure-chromium", ".out");
    Path err = Files.createTempFile("ensure-chromium", ".err");
    try {
      Process p = new ProcessBuilder("/bin/sh", script.toString(), "--driver").redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        unavailable(SCRIPT + " did not finish within 10 minutes");
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
      if (p.exitValue() != 0 || lines.size() != 2) {
        unavailable(SCRIPT + " --driver exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8).trim());
      }
      return lines;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void unavailable(String why) {
    String message = "headless Chromium and chromedriver are needed for the console's browser tests: " + why
        + ". Install chromium and chromium-driver (or set CHROME_BIN and CHROMEDRIVER_BIN), or run as root on Debian.";
    if (System.getenv("CI") != null) fail(message);
    Assumptions.abort(message + " (skipped: CI is not set)");
  }

  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SCRIPT);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    fail(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    return null;
  }

  /** A repository file (examples/…), found from the module folder or the repository root. */
  static Path repoFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate)) return candidate;
    }
    fail(relative + " not found above " + Path.of("").toAbsolutePath());
    return null;
  }
}
