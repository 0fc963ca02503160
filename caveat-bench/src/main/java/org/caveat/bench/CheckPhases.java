package org.caveat.bench;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerLines;
import org.caveat.json.LineBuffer;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;

/**
 * {@code caveat check}'s stages one at a time, on one thread, by CPU time: framing the lines
 * ({@link RequestStream}), binding them ({@link RequestReader}), answering ({@link Caveat#answer})
 * and rendering ({@link AnswerLines}, batches of 256 into one reused buffer, as check does). Each
 * stage runs over every request {@code rounds} times (the first round includes the compiler's
 * warm-up; the last is reported as the steady cost). Run it with the launcher's JIT flags to see
 * check's own split: {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx3g -cp benchmarks.jar
 * org.caveat.bench.CheckPhases req.ndjson 3}.
 */
public final class CheckPhases {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CheckPhases() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Caveat caveat = Caveat.builder().build();
    List<RequestStream.Item> items = new ArrayList<>();
    long start = cpu();
    try (RequestStream s = new RequestStream(new BufferedInputStream(new FileInputStream(args[0]), 1 << 16), false)) {
      while (s.hasNext()) items.add(s.next());
    }
    report("frame", 0, cpu() - start, items.size());
    RequestReader.Parsed[] parsed = new RequestReader.Parsed[items.size()];
    Answer[] answers = new Answer[items.size()];
    LineBuffer buffer = new LineBuffer(256 * 1024);
    for (int r = 0; r < rounds; r++) {
      long t0 = cpu();
      for (int i = 0; i < parsed.length; i++) parsed[i] = RequestReader.read(items.get(i), RequestDefaults.NONE);
      long t1 = cpu();
      for (int i = 0; i < parsed.length; i++) if (parsed[i].request() != null) answers[i] = caveat.answer(parsed[i].request());
      long t2 = cpu();
      for (int i = 0; i < answers.length; i += 256) {
        buffer.reset();
        AnswerLines lines = new AnswerLines(buffer);
        for (int j = i; j < Math.min(answers.length, i + 256); j++) if (answers[j] != null) lines.answer(answers[j], false);
        lines.writeTo(OutputStream.nullOutputStream());
      }
      long t3 = cpu();
      report("bind", r, t1 - t0, parsed.length);
      report("answer", r, t2 - t1, parsed.length);
      report("render", r, t3 - t2, parsed.length);
    }
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static void report(String stage, int round, long nanos, int n) {
    System.out.printf(java.util.Locale.ROOT, "%-6s round %d: %7.0f ms CPU, %5.2f us per request%n", stage, round + 1,
        nanos / 1e6, nanos / 1e3 / n);
  }
}
