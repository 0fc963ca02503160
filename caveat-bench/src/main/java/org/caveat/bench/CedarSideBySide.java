package org.caveat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;

/**
 * Caveat's half of scripts/bench/cedar: the Node driver (compare.mjs) starts it, reads the
 * verdicts it writes for the agreement check, then asks for measurement rounds on stdin, one
 * line each ({@code decide SECONDS} or {@code answer SECONDS}), so that Caveat and Cedar run
 * interleaved in one run; {@code quit} ends it. Each round prints one line:
 * {@code MODE ops=N nanos=T p50=NS sink=S}, where p50 is the median of one timed call per request.
 *
 * <p>Run: {@code java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.CedarSideBySide
 * PACK_DIR REQUESTS.ndjson VERDICTS.tsv}
 */
public final class CedarSideBySide {
  private final Caveat caveat;
  private final List<Request> requests;

  CedarSideBySide(Caveat caveat, List<Request> requests) {
    this.caveat = caveat;
    this.requests = requests;
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Caveat caveat = Caveat.builder().packs(Path.of(args[0])).build();
    List<Request> requests = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      RequestReader.Parsed p = RequestReader.read(Json.MAPPER.readTree(line));
      if (p.error() != null) {
        System.err.println("bad request: " + p.error());
        System.exit(2);
      }
      requests.add(p.request());
    }
    CedarSideBySide bench = new CedarSideBySide(caveat, requests);
    List<String> verdicts = new ArrayList<>(requests.size());
    for (Request r : requests) verdicts.add(r.id() + "\t" + verdict(caveat.answer(r)));
    Files.write(Path.of(args[2]), verdicts, StandardCharsets.UTF_8);
    out.println("ready requests=" + requests.size() + " timer=" + timerNanos());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      String[] words = line.split(" ");
      out.println(bench.round(words[0].equals("answer"), Double.parseDouble(words[1])));
    }
  }

  /**
   * What the agreement check compares with Cedar: the outcome, the basis and the determining rule
   * ids of the one grant, tab-separated (e.g. {@code DENY\tforbidden\tprotected-objects}).
   */
  static String verdict(Answer a) {
    if (a.grants().size() != 1) return a.decision() + "\tgrants=" + a.grants().size() + "\t";
    Answer.GrantAnswer g = a.grants().get(0);
    return a.decision() + "\t" + g.basis() + "\t" + String.join(",", g.determining());
  }

  /** Whole passes over the requests for at least {@code seconds}, then one timed call per request. */
  String round(boolean answer, double seconds) {
    long sink = 0, ops = 0, budget = (long) (seconds * 1e9);
    long start = System.nanoTime(), elapsed;
    do {
      for (Request r : requests) sink += call(answer, r);
      ops += requests.size();
      elapsed = System.nanoTime() - start;
    } while (elapsed < budget);
    long[] each = new long[requests.size()];
    for (int i = 0; i < each.length; i++) {
      long t = System.nanoTime();
      sink += call(answer, requests.get(i));
      each[i] = System.nanoTime() - t;
    }
    Arrays.sort(each);
    return (answer ? "answer" : "decide") + " ops=" + ops + " nanos=" + elapsed + " p50=" + each[each.length / 2]
        + " sink=" + sink;
  }

  private int call(boolean answer, Request r) {
    return answer ? caveat.answer(r).grants().size() : caveat.decide(r).grants().size();
  }

  /** The median cost of the two clock reads around each timed call, to read the p50 against. */
  private static long timerNanos() {
    long[] t = new long[10_001];
    for (int i = 0; i < t.length; i++) {
      long a = System.nanoTime();
      t[i] = System.nanoTime() - a;
    }
    Arrays.sort(t);
    return t[t.length / 2];
  }
}
