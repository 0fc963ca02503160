package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command refuses what it cannot run before any job starts: wrong usage (64), a bad mapping (1). */
class ComplianceJobCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    PrintWriter e = new PrintWriter(err, true);
    PrintWriter o = new PrintWriter(new StringWriter(), true);
    return ComplianceJobCommand.commandLine(o, e).execute(args);
  }

  @Test
  void aBadMappingIsReportedWithItsPosition(@TempDir Path tmp) throws Exception {
    Path mapping = tmp.resolve("bad-mapping.yaml");
    Files.writeString(mapping, "fields:\n  time: row.event_dat\n  user: '\"UA\"'\n  target.lat: '1.0'\n  target.lon: '2.0'\n");
    assertThat(run("--local", "--events", tmp.toString(), "--out", tmp.resolve("out").toString(),
        "--mapping", mapping.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("bad-mapping.yaml:2").contains("event_dat");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void wrongUsageExits64() {
    assertThat(run("--local", "--events", "x", "--out", "y", "--parallelism", "0")).isEqualTo(64);
    assertThat(err.toString()).contains("--parallelism");
    assertThat(run("--local", "--events", "x")).isEqualTo(64);
    assertThat(err.toString()).contains("give --out DIR or --kafka-decisions TOPIC");
    assertThat(run("--local", "--out", "y")).isEqualTo(64);
    assertThat(err.toString()).contains("give --events FILE|DIR or --kafka-events TOPIC");
    assertThat(run("--local", "--kafka-events", "t", "--out", "y")).isEqualTo(64);
    assertThat(err.toString()).contains("need --kafka HOST:PORT");
    assertThat(run("--local", "--events", "x", "--out", "y", "--format", "GeoJSON", "--kafka-format", "geojson",
        "--kafka", "127.0.0.1:9")).isEqualTo(64);
    assertThat(err.toString()).contains("--kafka-format is ndjson or acled");
  }
}
