package org.caveat.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Chromium through {@code scripts/test/ensure-chromium.sh} (which installs Debian's package
 * when run as root with apt-get). Without one, a test fails when the environment variable
 * {@code CI} is set and is skipped otherwise.
 */
final class ChromiumLocator {
  static final String SCRIPT = "scripts/test/ensure-chromium.sh";
  private static Path found;

  private ChromiumLocator() {}

  static synchronized Path chromium() throws IOException, InterruptedException {
    if (found != null) return found;
    Path script = script();
    Path out = Files.createTempFile("ensure-chromium", ".out");
    Path err = Files.createTempFile("ensure-chromium", ".err");
    try {
      Process p = new ProcessBuilder("/bin/sh", script.toString()).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      // Installing the package can take a few minutes on a clean machine.
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        unavailable(SCRIPT + " did not finish within 10 minutes");
      }
      String path = Files.readString(out, StandardCharsets.UTF_8).trim();
      if (p.exitValue() != 0 || path.isEmpty()) {
        unavailable(SCRIPT + " exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8).trim());
      }
      found = Path.of(path);
      return found;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void unavailable(String why) {
    String message = "headless Chromium is needed to check the HTML report and none could be found or installed: "
        + why + ". Install chromium (or set CHROME_BIN), or run the tests as root on Debian so the script installs it.";
    if (System.getenv("CI") != null) fail(message);
    Assumptions.abort(message + " (skipped: CI is not set)");
  }

  /** The script, found from the module folder or the repository root. */
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SCRIPT);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    fail(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    return null;
  }
}
