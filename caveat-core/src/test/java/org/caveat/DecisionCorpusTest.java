package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The decision corpus: data files of request + expected decision + expected determining rules,
 * basis and missing attributes per grant (src/test/resources/corpus). The corpus must exercise
 * every rule of every shipped version.
 */
class DecisionCorpusTest {
  static final List<String> FILES = List.of("us-ua-2024-05-30.json", "us-ua-timeline.json", "us-ua-assumptions.json", "timelines.json",
      "record.json");
  private static final Map<Map<String, String>, Caveat> ENGINES = new ConcurrentHashMap<>();

  static List<JsonNode> cases() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String f : FILES) {
      try (InputStream in = DecisionCorpusTest.class.getResourceAsStream("/corpus/" + f)) {
        Json.MAPPER.readTree(in).forEach(out::add);
      }
    }
    return out;
  }

  static Caveat engine(JsonNode c) {
    Map<String, String> assume = new java.util.TreeMap<>();
    c.path("assume").fields().forEachRemaining(e -> assume.put(e.getKey(), e.getValue().asText()));
    return ENGINES.computeIfAbsent(assume, a -> {
      Caveat.Builder b = Caveat.builder();
      a.forEach(b::assume);
      return b.build();
    });
  }

  static Answer answer(JsonNode c) {
    var parsed = RequestReader.read(c.get("request"));
    assertThat(parsed.error()).as("corpus request is well formed").isNull();
    return engine(c).answer(parsed.request());
  }

  @TestFactory
  List<DynamicTest> corpus() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c, answer(c))));
    }
    return tests;
  }

  private static void check(JsonNode c, Answer a) {
    JsonNode expect = c.get("expect");
    assertThat(a.decision().name()).isEqualTo(expect.get("decision").asText());
    JsonNode grants = expect.get("grants");
    assertThat(a.grants()).extracting(Answer.GrantAnswer::grant).containsExactlyElementsOf(names(grants));
    for (Answer.GrantAnswer g : a.grants()) {
      JsonNode e = grants.get(g.grant());
      assertThat(g.version()).isEqualTo(e.get("version").isNull() ? null : e.get("version").asText());
      assertThat(g.basis()).isEqualTo(e.get("basis").asText());
      assertThat(g.determining()).containsExactlyElementsOf(texts(e.get("determining")));
      assertThat(g.missing()).containsExactlyElementsOf(texts(e.get("missing")));
      JsonNode closest = e.get("closest");
      if (closest != null) {
        assertThat(g.closest()).isNotNull();
        assertThat(g.closest().rule()).isEqualTo(closest.get("rule").asText());
        if (closest.has("margin")) {
          assertThat(g.closest().margin()).isCloseTo(closest.get("margin").asDouble(), within(0.06));
        }
      } else if (!g.basis().equals("not_permitted")) {
        assertThat(g.closest()).isNull();
      }
    }
    assertThat(a.explanation()).isNotBlank();
  }

  @Test
  void corpusCoversEveryRuleOfEveryShippedVersion() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (JsonNode c : cases()) {
      for (Answer.GrantAnswer g : answer(c).grants()) {
        g.determining().forEach(r -> covered.add(g.grant() + "@" + g.version() + "#" + r));
        if (g.closest() != null) covered.add(g.grant() + "@" + g.version() + "#" + g.closest().rule());
      }
    }
    Set<String> all = new TreeSet<>();
    for (var g : Caveat.builder().build().grants()) {
      for (var v : g.versions()) {
        v.rules().forEach(r -> all.add(g.grant().id() + "@" + v.policy().version() + "#" + r.rule().id()));
      }
    }
    assertThat(covered).containsAll(all);
  }

  @Test
  void everyOutcomeAndBasisIsExercised() throws Exception {
    Set<String> seen = new TreeSet<>();
    for (JsonNode c : cases()) {
      Answer a = answer(c);
      seen.add(a.decision().name());
      a.grants().forEach(g -> seen.add(g.basis()));
    }
    assertThat(seen).contains("PERMIT", "DENY", "INDETERMINATE", "NOT_APPLICABLE", "permitted", "forbidden",
        "not_permitted", "missing_attributes", "no_version_in_force");
  }

  private static List<String> names(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> texts(JsonNode a) {
    List<String> out = new ArrayList<>();
    if (a != null) a.forEach(n -> out.add(n.asText()));
    return out;
  }
}
