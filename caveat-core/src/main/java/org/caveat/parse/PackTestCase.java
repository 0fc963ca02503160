package org.caveat.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caveat.policy.Span;

/**
 * One case of a pack's {@code tests/*.yaml}: a request (written in full or in the short form), the
 * assumptions to override, and what the answer must say. {@code grant} is the grant whose entry
 * the per-grant expectations are compared with (default: the folder the file sits in).
 *
 * @param pointers where each JSON Pointer of {@code request} was written, for error positions
 */
public record PackTestCase(Span at, String name, String grant, Map<String, String> assume, JsonNode request,
    Map<String, Span> pointers, Expect expect) {

  /** The expected {@code version} or {@code closest} when the case says there is none ({@code null} in YAML). */
  public static final String NONE = "none";

  /**
   * What the answer must say; null fields are not checked. {@code decision} is the whole answer's;
   * the others are the grant entry's. {@code facts} maps {@code country}, {@code region},
   * {@code distance_to_border_km} to the expected text ({@code null} for none). {@code closest} is
   * the closest permit's rule id, {@code closestMargin} its margin as written.
   */
  public record Expect(String decision, String version, String basis, List<String> determining,
      List<String> missing, String closest, String closestMargin, Map<String, String> facts) {}
}
