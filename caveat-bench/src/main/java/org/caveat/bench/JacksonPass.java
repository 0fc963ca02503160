package org.caveat.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The yardstick of {@code caveat check}'s throughput in BENCHMARKS.md: a plain Jackson pass over
 * the same NDJSON file, one thread, each line read as a tree and written back as a line to
 * stdout, with Jackson's defaults (no limits of Caveat's own). Whatever check does on top
 * (framing, checking, deciding, explaining, its larger answers) is measured against this in the
 * same run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.caveat.bench.JacksonPass requests.ndjson > /dev/null}
 */
public final class JacksonPass {
  private JacksonPass() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    long values = 0;
    try (InputStream in = new FileInputStream(args[0]);
         MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(in);
         OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
         JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      while (it.hasNext()) {
        mapper.writeTree(g, it.next());
        g.writeRaw('\n');
        values++;
      }
    }
    System.err.println(values + " values");
  }
}
