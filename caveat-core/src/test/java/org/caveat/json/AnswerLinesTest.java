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

  /** The facts' texts and the reasons' rule texts are kept and copied as well: the generator's bytes, whatever the text. */
  @Test
  void keptFactsAndReasonTextsAreTheGeneratorsBytes() throws Exception {
    Answer a = ENGINE.answer(read(Files.readAllLines(Path.of("../examples/kharkiv.ndjson")).get(0)));
    Answer.GrantAnswer g = a.grants().get(0);
    for (String text : List.of("UA-63", "quote \" back\\slash \u0001 \u2028 caf\u00e9", "outside the BMP: \uD83D\uDE00")) {
      Answer.Reason r = new Answer.Reason("r", "permit", text, List.of("s"));
      // no version: the part is written in full, not kept as a fragment
      Answer.GrantAnswer part = new Answer.GrantAnswer(g.grant(), null, null, null, g.decision(), g.basis(),
          List.of("r"), List.of(r), List.of(), null);
      Answer tricky = new Answer(a.id(), a.decision(), List.of(part), new Answer.Facts(text, text, 1.5, text, false),
          a.explanation(), a.sources());
      String quoted = generated(text);
      for (int time = 0; time < 2; time++) {
        AnswerLines lines = new AnswerLines(1);
        lines.answer(tricky, false);
        assertThat(new String(lines.bytes(), StandardCharsets.UTF_8))
            .contains("\"text\":" + quoted + ",\"sources\":[\"s\"]")
            .contains("\"facts\":{\"country\":" + quoted + ",\"region\":" + quoted
                + ",\"distance_to_border_km\":1.5,\"waters\":" + quoted + "}");
      }
    }
  }

  /**
   * A grant part whose closest miss is not a numeric comparison is shared by the explainer and
   * kept as a fragment; it writes every member of the part, the same bytes each time.
   */
  @Test
  void aSharedPartWithAClosestMissIsWrittenWhole() throws Exception {
    String idle = Files.readAllLines(Path.of("../examples/kharkiv.ndjson")).get(0).replace("\"attacking\"", "\"idle\"");
    Answer a = ENGINE.answer(read(idle));
    Answer b = ENGINE.answer(read(idle));
    Answer.GrantAnswer part = a.grants().get(0);
    assertThat(part.closest()).isNotNull();
    assertThat(part.closest().actual()).isNull();
    assertThat(b.grants().get(0)).isSameAs(part);
    AnswerLines lines = new AnswerLines(1);
    lines.answer(a, false);
    lines.answer(b, false);
    String[] written = new String(lines.bytes(), StandardCharsets.UTF_8).split("\n");
    assertThat(written[1]).isEqualTo(written[0]);
    com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(written[0]);
    assertThat(Json.MAPPER.writeValueAsString(tree)).isEqualTo(written[0]);
    com.fasterxml.jackson.databind.JsonNode grant = tree.get("grants").get(0);
    assertThat(grant.get("version").asText()).isEqualTo(part.version());
    assertThat(grant.get("basis").asText()).isEqualTo(part.basis());
    assertThat(grant.get("closest").get("rule").asText()).isEqualTo(part.closest().rule());
    assertThat(grant.get("closest").get("failed").asText()).isEqualTo(part.closest().failed());
    assertThat(grant.get("closest").get("text").asText()).isEqualTo(part.closest().text());
    assertThat(grant.get("closest").has("actual")).isFalse();
  }

  /** {@code text} as a generator writes a string value. */
  private static String generated(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    try (com.fasterxml.jackson.core.JsonGenerator g = Json.FACTORY.createGenerator(plain)) {
      g.writeString(text);
    }
    return plain.toString(StandardCharsets.UTF_8);
  }

  private static org.caveat.model.Request read(String line) {
    try {
      return RequestReader.read(Json.MAPPER.readTree(line)).request();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
