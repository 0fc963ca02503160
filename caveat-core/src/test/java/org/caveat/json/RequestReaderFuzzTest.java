package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever is wrong with a request, {@link RequestReader#read} answers with a request or an
 * error, never both, never neither, never an exception; an error always has a known code, a
 * message and a valid JSON Pointer.
 */
class RequestReaderFuzzTest {
  static final Set<String> CODES = Set.of("request.type", "request.missing", "request.invalid", "request.range",
      "request.vocabulary");
  static final List<String> POINTERS = pointers();
  static final List<String> VALUES = List.of("null", "NaN", "-Infinity", "0", "-0.5", "91", "1e400", "12345678901234567890123",
      "true", "\"\"", "\"unknown\"", "\"UA\"", "\"x\"", "\"2024-06-01T03:00:00Z\"", "[]", "[1, 2]", "{}",
      "{\"lat\": 1, \"lon\": 2}", "\"artilery\"", "\"\\u0000\"", "\"" + "a".repeat(5000) + "\"");

  record Edit(String pointer, String json) {}

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> one = Combinators.combine(Arbitraries.of(POINTERS), Arbitraries.of(VALUES).injectNull(0.2))
        .as(Edit::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 2000)
  void readNeverThrowsAndAnswersExactlyOneWay(@ForAll("edits") List<Edit> edits) throws Exception {
    JsonNode node = Json.MAPPER.readTree(RequestReaderTest.GOOD);
    for (Edit e : edits) node = apply(node, e);
    RequestReader.Parsed p = RequestReader.read(node);
    assertThat(p.request() == null).as("exactly one of request and error").isNotEqualTo(p.error() == null);
    if (p.error() != null) {
      RequestError err = p.error();
      assertThat(err.code()).isIn(CODES);
      assertThat(err.message()).isNotBlank();
      assertThat(err.at()).isNotNull().matches("(/[^/]+)*");
      JsonPointer.compile(err.at());
    }
  }

  /** The request with one value replaced; a pointer whose parent is gone leaves the node as is. */
  static JsonNode apply(JsonNode root, Edit e) throws Exception {
    int slash = e.pointer().lastIndexOf('/');
    JsonNode parent = root.at(e.pointer().substring(0, slash));
    if (!(parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) return root;
    String field = e.pointer().substring(slash + 1);
    if (e.json() == null) o.remove(field);
    else o.set(field, Json.MAPPER.readTree(e.json()));
    return root;
  }

  static List<String> pointers() {
    try {
      List<String> out = new ArrayList<>();
      collect(Json.MAPPER.readTree(RequestReaderTest.GOOD), "", out);
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(JsonNode n, String at, List<String> out) {
    for (Map.Entry<String, JsonNode> f : n.properties()) {
      out.add(at + "/" + f.getKey());
      collect(f.getValue(), at + "/" + f.getKey(), out);
    }
  }
}
