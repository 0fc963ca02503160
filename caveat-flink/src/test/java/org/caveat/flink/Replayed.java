package org.caveat.flink;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.caveat.replay.DecisionRenderer;
import org.caveat.replay.EventFormat;
import org.caveat.replay.EventSource;
import org.caveat.replay.ReplayRunner;
import org.caveat.replay.Summary;

/** Test helper: {@code caveat replay}'s output for a file (through replay's public runner), and job output in line order. */
final class Replayed {
  private Replayed() {}

  record Result(List<String> lines, Summary summary) {}

  /** The decision lines {@code caveat replay FILE --out} writes, in input order, with the default mapping and packs. */
  static Result replay(Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary summary = new Summary();
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      EventFormat format = EventFormat.detect(in);
      try (EventSource source = format.open(in, EventFileFormat.mapping(null))) {
        new ReplayRunner(DecideFunction.engine(null), List.of(), new DecisionRenderer(false), 1, null)
            .run(source, out, summary);
      }
    }
    return new Result(lines(out.toString(StandardCharsets.UTF_8)), summary);
  }

  /** The committed lines of one output folder, ordered by their {@code "line"}. */
  static List<String> byLine(Path dir) throws Exception {
    return OutputCounts.lines(dir).stream().map(l -> l + "\n").sorted(Comparator.comparingLong(Replayed::lineOf)).toList();
  }

  static long lineOf(String outputLine) {
    try {
      return org.caveat.json.Json.MAPPER.readTree(outputLine).get("line").asLong();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("(?<=\n)")).filter(s -> !s.isEmpty()).toList();
  }
}
