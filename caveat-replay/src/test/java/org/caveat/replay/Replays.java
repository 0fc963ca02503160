package org.caveat.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;

/** Test helper: one engine for all tests, and a replay of a string to NDJSON text plus its summary. */
final class Replays {
  static final Caveat ENGINE = Caveat.builder().build();
  static final Mapping MAPPING = Mapping.defaults();

  record Result(String decisions, Summary summary, List<ReplayEvent> events) {}

  static Result replay(String input, EventFormat format, int threads) throws Exception {
    return replay(input.getBytes(StandardCharsets.UTF_8), format, threads);
  }

  static Result replay(byte[] input, EventFormat format, int threads) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary summary = new Summary();
    List<ReplayEvent> events = new ArrayList<>();
    try (EventSource source = format.open(new ByteArrayInputStream(input), MAPPING)) {
      new ReplayRunner(ENGINE, List.of(), new DecisionRenderer(false), threads, null).run(source, out, e -> {
        summary.accept(e);
        events.add(e);
      });
    }
    return new Result(out.toString(StandardCharsets.UTF_8), summary, events);
  }

  static String generate(long rows, long seed, EventGenerator.Variant variant) throws Exception {
    StringWriter w = new StringWriter();
    new EventGenerator(seed, variant).write(rows, w);
    return w.toString();
  }

  /** What an event came to, for comparing two replays: decision, unattributed attributes or bad reason. */
  static String describe(ReplayEvent e) {
    if (e.isBad()) return "bad: " + e.bad();
    if (e.answer() == null) return "unattributed: " + e.unattributed();
    return e.id() + " " + e.answer().decision();
  }
}
