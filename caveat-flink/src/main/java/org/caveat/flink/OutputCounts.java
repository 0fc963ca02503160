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
    long[] decisions = new long[2];
    long[] bad = new long[1];
    // Line by line, file by file: the output may be far larger than the heap.
    for (Path f : files(out.resolve(Buckets.DECISIONS))) {
      forEachLine(f, line -> decisions[line.contains(UNATTRIBUTED) ? 1 : 0]++);
    }
    for (Path f : files(out.resolve(Buckets.BAD_ROWS))) forEachLine(f, line -> bad[0]++);
    return new OutputCounts(decisions[0], decisions[1], bad[0]);
  }

  /** The committed part files under {@code dir}, by name. */
  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static void forEachLine(Path file, java.util.function.Consumer<String> each) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) each.accept(line);
    }
  }

  /** Every line of every committed part file under {@code dir}. */
  public static List<String> lines(Path dir) throws IOException {
    return files(dir).stream().flatMap(OutputCounts::read).toList();
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
