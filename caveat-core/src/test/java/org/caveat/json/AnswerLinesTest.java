package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.junit.jupiter.api.Test;

/** A batch of lines is byte for byte the library's answers and errors, one per line; extra fields go last. */
class AnswerLinesTest {
  private static final Caveat ENGINE = Caveat.builder().build();

  @Test
  void linesAreTheWritersAnswersAndErrors() throws Exception {
    List<Answer> answers = Files.readAllLines(Path.of("../examples/kharkiv.ndjson")).stream()
        .filter(l -> !l.isBlank()).map(l -> ENGINE.answer(read(l))).toList();
    RequestError error = new RequestError("r-9", "request.missing", "no \"time\"", "/time");
    AnswerLines lines = new AnswerLines(1);
    StringBuilder expected = new StringBuilder();
    for (Answer a : answers) {
      lines.answer(a, true);
      expected.append(AnswerWriter.toJson(a, true)).append('\n');
    }
    lines.error(error);
    expected.append(AnswerWriter.toJson(error)).append('\n');
    assertThat(new String(lines.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void extraFieldsFollowTheRecordsOwn() throws Exception {
    Answer a = ENGINE.answer(read(Files.readAllLines(Path.of("../examples/kharkiv.ndjson")).get(0)));
    RequestError error = new RequestError(null, "event.bad", "no date", "line 7");
    AnswerLines lines = new AnswerLines(1);
    lines.answer(a, false, g -> g.writeNumberField("line", 3));
    lines.error(error, g -> g.writeNumberField("line", 7));
    String answer = AnswerWriter.toJson(a);
    String err = AnswerWriter.toJson(error);
    assertThat(new String(lines.bytes(), StandardCharsets.UTF_8)).isEqualTo(
        answer.substring(0, answer.length() - 1) + ",\"line\":3}\n" + err.substring(0, err.length() - 1) + ",\"line\":7}\n");
  }

  /** Explanations are written from kept bytes when shared: the bytes are what the generator writes, whatever the text. */
  @Test
  void keptExplanationsAreTheGeneratorsBytes() throws Exception {
    Answer a = ENGINE.answer(read(Files.readAllLines(Path.of("../examples/kharkiv.ndjson")).get(0)));
    for (String text : List.of("plain, shared", "quote \" back\\slash \u0001\u001f tab\t \u2028 \u2265 caf\u00e9",
        "outside the BMP: \uD83D\uDE00")) {
      Answer tricky = new Answer(a.id(), a.decision(), a.grants(), a.facts(), text, a.sources());
      java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
      try (com.fasterxml.jackson.core.JsonGenerator g = Json.FACTORY.createGenerator(plain)) {
        g.writeString(text);
      }
      String field = "\"explanation\":" + plain.toString(StandardCharsets.UTF_8) + "}\n";
      for (int time = 0; time < 2; time++) { // the first time renders and keeps it, the second copies it
        AnswerLines lines = new AnswerLines(1);
        lines.answer(tricky, false);
        assertThat(new String(lines.bytes(), StandardCharsets.UTF_8)).endsWith(field);
      }
    }
  }

  private static org.caveat.model.Request read(String line) {
    try {
      return RequestReader.read(Json.MAPPER.readTree(line)).request();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
