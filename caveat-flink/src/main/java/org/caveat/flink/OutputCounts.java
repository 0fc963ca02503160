package org.caveat.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The counts of a finished job, read back from its committed output (so they are exactly what the
 * sink committed, once each, whatever restarts happened): decided, unattributed and bad rows.
 * In-progress and pending part files (names starting with '.') are not committed output.
 */
public record OutputCounts(long decided, long unattributed, long bad) {
  /** Only the error record of an unattributed event has this, unescaped, in a decisions line. */
  private static final String UNATTRIBUTED = "\"error\":{\"code\":\"event.unattributed\"";

  public static OutputCounts of(Path out) throws IOException {
    long decided = 0;
    long unattributed = 0;
    for (String line : lines(out.resolve(Buckets.DECISIONS))) {
      if (line.contains(UNATTRIBUTED)) unattributed++;
      else decided++;
    }
    return new OutputCounts(decided, unattributed, lines(out.resolve(Buckets.BAD_ROWS)).size());
  }

  /** Every line of every committed part file under {@code dir}. */
  public static List<String> lines(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted().flatMap(OutputCounts::read).toList();
    }
  }

  private static Stream<String> read(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return r.lines().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String line() {
    return (decided + unattributed + bad) + " events: " + decided + " decided, " + unattributed + " unattributed, "
        + bad + " bad rows";
  }
}
