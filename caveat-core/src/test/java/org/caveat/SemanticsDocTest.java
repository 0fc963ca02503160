package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caveat.decide.Basis;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestError;
import org.caveat.model.Attribute;
import org.caveat.model.Vocabulary;
import org.caveat.policy.Reliability;
import org.caveat.policy.Rule;
import org.caveat.policy.Source;
import org.caveat.policy.Span;
import org.junit.jupiter.api.Test;

/**
 * docs/SEMANTICS.md names every value the code can read or write: each vocabulary value, attribute,
 * decision, basis, reliability, effect, answer and error field, and request error code, written
 * as {@code `value`}. A value added to the code without its line in the document fails here.
 */
class SemanticsDocTest {
  private static final Path DOC = Path.of("../docs/SEMANTICS.md");

  @Test
  void everyVocabularyValueIsDocumented() throws IOException {
    Set<String> values = new TreeSet<>();
    Stream.of(Vocabulary.WEAPON_CLASS, Vocabulary.TARGET_CATEGORY, Vocabulary.TARGET_ACTIVITY, Vocabulary.PURPOSE)
        .forEach(values::addAll);
    values.add("military_objectives");
    values.add("protected_objects");
    assertDocumented(values);
  }

  @Test
  void everyAttributeDecisionBasisReliabilityAndEffectIsDocumented() throws IOException {
    Set<String> values = new TreeSet<>();
    for (Attribute a : Attribute.values()) values.add(a.celName());
    for (Outcome o : Outcome.values()) values.add(o.name());
    for (Basis b : Basis.values()) values.add(b.label());
    for (Reliability r : Reliability.values()) values.add(r.label());
    for (Rule.Effect e : Rule.Effect.values()) values.add(e.label());
    assertDocumented(values);
  }

  @Test
  void everyAnswerAndErrorFieldIsDocumented() throws IOException {
    Source source = new Source("s1", "Outlet", "2024-05-30", null, "A printed report.", "Quote.", "someone",
        Reliability.REPORTED, Span.of("test"));
    Answer.GrantAnswer grant = new Answer.GrantAnswer("us-ua", "2024-05-30", "sha256:00", "reported", Outcome.DENY,
        Basis.NOT_PERMITTED.label(), List.of("r"), List.of(new Answer.Reason("r", "permit", "Text.", List.of("s1"))),
        List.of("purpose"), new Answer.Closest("r", "weapon.range_km <= 100.0", "text", 120.0, "<=", 100.0, 20.0),
        List.of(new Answer.Skipped("2025-01-01", "disputed")));
    Answer answer = new Answer("id", Outcome.DENY, List.of(grant), new Answer.Facts("RU", "RU-BEL", 1.5, "land", false), "Denied.",
        Map.of("s1", source));
    Set<String> fields = new TreeSet<>();
    collectFields(Json.MAPPER.readTree(AnswerWriter.toJson(answer, true)), fields, true);
    collectFields(Json.MAPPER.readTree(AnswerWriter.toJson(new RequestError("id", "request.type", "m", ""))), fields, true);
    assertThat(fields).contains("closest", "margin", "skipped", "distance_to_border_km", "attribution", "at");
    assertDocumented(fields);
  }

  @Test
  void everyRequestFieldIsDocumented() throws IOException {
    Set<String> fields = new TreeSet<>(List.of("id", "target.location", "lat", "lon"));
    for (Attribute a : Attribute.values()) fields.add(a.celName());
    assertDocumented(fields);
  }

  /** The codes a request error can carry, as written in the JSON reading code. */
  @Test
  void everyRequestErrorCodeIsDocumented() throws IOException {
    Pattern code = Pattern.compile("\"((?:request|json|input)\\.[a-z_]+)\"");
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/org/caveat/json"))) {
      for (Path f : files.toList()) {
        Matcher m = code.matcher(Files.readString(f));
        while (m.find()) codes.add(m.group(1));
      }
    }
    assertThat(codes).contains("request.vocabulary", "json.syntax", "input.io");
    assertDocumented(codes);
  }

  private static void collectFields(JsonNode node, Set<String> out, boolean names) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        // The keys of "sources" are source ids, not field names.
        if (names) out.add(e.getKey());
        collectFields(e.getValue(), out, !e.getKey().equals("sources") || !e.getValue().isObject());
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectFields(n, out, true));
    }
  }

  private static void assertDocumented(Set<String> values) throws IOException {
    String doc = Files.readString(DOC);
    List<String> absent = new ArrayList<>();
    for (String v : values) if (!doc.contains("`" + v + "`")) absent.add(v);
    assertThat(absent).as("values missing from %s (write each as `value`)", DOC).isEmpty();
  }
}
