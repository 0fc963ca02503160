package org.caveat.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.model.Request;

/**
 * What the work a logged batch decision must do costs when done by the libraries alone, one thread,
 * per request: the floor under {@code POST /v1/decisions} with batches, whatever the code around
 * them. Each step runs over the same {@link Workload} requests (as {@code GenerateRequests} writes
 * them) and is reported as the best of {@value #PASSES} passes, in ns per request:
 * <ul>
 *   <li>{@code jackson-read}: Jackson's streaming parser over the request's bytes, each token read
 *       and each value taken (text, double, boolean): the least a binder does;
 *   <li>{@code jackson-tree}: Jackson's tree read and write of the request (the yardstick of
 *       {@code check}, {@link JacksonPass});
 *   <li>{@code answer}: {@code Caveat.answer}, verdict, facts and explanation (the engine);
 *   <li>{@code render}: the answer written as JSON by core's {@code AnswerWriter};
 *   <li>{@code deflate}: zlib at level 1 (the log's level) over the request bytes in chunks of
 *       1,000, about what a log row of a batch holds;
 *   <li>{@code sha256}: the SHA-256 of the request bytes (the Merkle leaf hash covers them and a
 *       few more bytes).
 * </ul>
 * The sum (all but {@code jackson-tree}) is what one request costs before HTTP, the log's row and
 * commit, and any code of Caveat's own between these steps; two cores give at most 2 s of CPU per
 * second, and on the project's machine they slow each other when both are busy (run two at once,
 * {@code taskset -c 0} and {@code -c 1}, to see by how much).
 *
 * <p>Run: {@code java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.LibraryFloor [requests=8192]}
 */
public final class LibraryFloor {
  static final int PASSES = 5;
  static final long PASS_NANOS = 2_000_000_000L;

  private LibraryFloor() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
    List<Request> requests = Workload.requests(n, 42);
    List<byte[]> lines = new ArrayList<>(n);
    for (Request r : requests) lines.add(Workload.ndjson(r).getBytes(StandardCharsets.UTF_8));
    Caveat caveat = Caveat.builder().build();
    List<Answer> answers = new ArrayList<>(n);
    for (Request r : requests) answers.add(caveat.answer(r));
    JsonFactory factory = new JsonFactory();
    ObjectMapper mapper = new ObjectMapper(factory);
    ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 16);
    Deflater deflater = new Deflater(1, true);
    byte[] compressed = new byte[1 << 20];
    MessageDigest sha = MessageDigest.getInstance("SHA-256");

    long total = 0;
    total += report("jackson-read", n, i -> read(factory, lines.get(i)));
    report("jackson-tree", n, i -> { // the yardstick, not part of the floor
      sink.reset();
      try (JsonGenerator g = factory.createGenerator(sink)) {
        mapper.writeTree(g, mapper.readTree(lines.get(i)));
      }
      return sink.size();
    });
    total += report("answer", n, i -> caveat.answer(requests.get(i)).grants().size());
    total += report("render", n, i -> {
      sink.reset();
      try (JsonGenerator g = factory.createGenerator(sink)) {
        AnswerWriter.write(answers.get(i), false, g);
      }
      return sink.size();
    });
    total += report("deflate", n, i -> {
      if (i % 1000 != 0) return 0; // one chunk of up to 1,000 requests, counted per request
      deflater.reset();
      long out = 0;
      for (int j = i; j < Math.min(n, i + 1000); j++) {
        deflater.setInput(lines.get(j));
        while (!deflater.needsInput()) out += deflater.deflate(compressed, 0, compressed.length, Deflater.NO_FLUSH);
      }
      deflater.finish();
      while (!deflater.finished()) out += deflater.deflate(compressed);
      return out;
    });
    total += report("sha256", n, i -> sha.digest(lines.get(i))[0]);
    System.out.printf("floor %d ns per request (all but jackson-tree): at most %,d requests/s on 2 idle cores%n",
        total, 2_000_000_000L / Math.max(1, total));
  }

  /** Reads every token and takes every value, as a binder must. */
  private static long read(JsonFactory factory, byte[] line) throws Exception {
    long seen = 0;
    try (JsonParser p = factory.createParser(line)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME, VALUE_STRING -> seen += p.getText().length();
          case VALUE_NUMBER_FLOAT -> seen += (long) p.getDoubleValue();
          case VALUE_NUMBER_INT -> seen += p.getLongValue();
          case VALUE_TRUE, VALUE_FALSE -> seen += p.getBooleanValue() ? 1 : 0;
          default -> seen++;
        }
      }
    }
    return seen;
  }

  /** A step over every request, passes of ~2 s after a warm-up pass; prints and returns its best ns per request. */
  private static long report(String name, int n, Step step) throws Exception {
    long best = Long.MAX_VALUE;
    long sinkValue = 0;
    for (int pass = 0; pass <= PASSES; pass++) {
      long start = System.nanoTime();
      long runs = 0;
      do {
        for (int i = 0; i < n; i++) sinkValue += step.run(i);
        runs++;
      } while (System.nanoTime() - start < PASS_NANOS);
      long perRequest = (System.nanoTime() - start) / (runs * n);
      if (pass > 0) best = Math.min(best, perRequest); // pass 0 warms up
    }
    System.out.printf("%-13s %6d ns per request (best of %d passes; sink %d)%n", name, best, PASSES, sinkValue & 0xff);
    return best;
  }

  /** One step for request {@code i}; its result is summed so that the work is not dropped. */
  @FunctionalInterface
  private interface Step {
    long run(int i) throws Exception;
  }
}
