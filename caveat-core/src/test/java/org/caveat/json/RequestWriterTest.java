package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;

/** Every example request written back to JSON reads into the same request. */
class RequestWriterTest {
  @Test
  void examplesRoundTrip() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../examples/kharkiv.ndjson"));
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      if (line.isBlank()) continue;
      Request r = RequestReader.read(Json.MAPPER.readTree(line)).request();
      String written = RequestWriter.toJson(r);
      JsonNode back = Json.MAPPER.readTree(written);
      assertThat(RequestReader.read(back).request()).hasToString(r.toString());
      assertThat(RequestWriter.toJson(RequestReader.read(back).request())).isEqualTo(written);
    }
  }
}
