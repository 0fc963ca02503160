package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/test/ensure-chromium.sh on its paths that install nothing. */
class EnsureChromiumScriptTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String chromeBin, String path) throws Exception {
    Path script = Path.of("..").resolve(ChromiumLocator.SCRIPT).toAbsolutePath().normalize();
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString());
    pb.environment().clear();
    pb.environment().put("PATH", path);
    if (chromeBin != null) pb.environment().put("CHROME_BIN", chromeBin);
    Path out = dir.resolve("out"), err = dir.resolve("err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out).trim(), Files.readString(err).trim());
  }

  private Path executable(String name, String body) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  @Test
  void chromeBinWinsWhenItIsExecutable() throws Exception {
    Path fake = executable("my-chrome", "exit 0");
    Run r = run(fake.toString(), dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(fake.toString());
  }

  @Test
  void aBrowserOnThePathIsFound() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = bin.resolve("chromium-browser");
    Files.writeString(fake, "#!/bin/sh\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run r = run(null, bin.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(fake.toString());
  }

  @Test
  void withoutABrowserRootOrAptItExits3WithAMessage() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("nobody"));
    Path id = bin.resolve("id");
    Files.writeString(id, "#!/bin/sh\necho 1000\n");
    Files.setPosixFilePermissions(id, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run r = run("/nonexistent/chrome", bin.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("CHROME_BIN=/nonexistent/chrome is not an executable", "needs root and apt-get");
  }
}
