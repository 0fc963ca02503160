package org.caveat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared Jackson configuration: NaN/Infinity are read (and then rejected with a clear message);
 * a member name twice in one object is an error ({@code request.duplicate_key}), never "last one
 * wins", since a second {@code user} or {@code weapon} would silently change the verdict.
 */
public final class Json {
  /** Largest accepted request, in characters. */
  public static final int MAX_REQUEST_CHARS = 1 << 20;

  public static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .rootValueSeparator((String) null)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
          .maxStringLength(MAX_REQUEST_CHARS).maxDocumentLength(MAX_REQUEST_CHARS).build())
      .build();
  /**
   * For JSON arrays of requests: no limit on the whole document; items are checked one by one.
   * The parser leaves its source open at the end of input: the caller owns the stream (and may
   * still ask it whether more is ready, as the CLI's pipeline does).
   */
  public static final JsonFactory ARRAY_FACTORY = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
          .maxStringLength(MAX_REQUEST_CHARS).maxDocumentLength(-1).build())
      .build();
  public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
  /**
   * For finding where values end without building them ({@link RequestStream}): no duplicate
   * detection (the item's own parse reports a duplicate with its pointer) and no document limit
   * (a streamed array is checked item by item).
   */
  static final JsonFactory FRAMING = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
          .maxStringLength(MAX_REQUEST_CHARS).maxDocumentLength(-1).build())
      .build();

  private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
      " ?\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");

  private Json() {}

  /**
   * A Jackson parse message made readable: its first line, without the source description Jackson
   * adds ({@code [Source: REDACTED …]}), an unclosed array or object said in plain words, and
   * where it was opened.
   */
  public static String readableMessage(String jackson) {
    if (jackson == null) return "malformed JSON";
    String m = jackson.lines().findFirst().orElse(jackson);
    java.util.regex.Matcher at = START_MARKER.matcher(m);
    String opened = "";
    if (at.find()) {
      opened = " (opened at line " + at.group(1) + ", column " + at.group(2) + ")";
      m = at.replaceAll("");
    }
    if (m.startsWith("Unexpected end-of-input: expected close marker for Array")) {
      return "the JSON array is not closed" + opened;
    }
    if (m.startsWith("Unexpected end-of-input: expected close marker for Object")) {
      return "the JSON object is not closed" + opened;
    }
    return m + opened;
  }

  /**
   * The {@code input.encoding} error for the first member name or string in {@code node} that
   * holds an unpaired UTF-16 surrogate (from a {@code "\ud800"} escape), at its JSON Pointer; null
   * when there is none. Such text has no UTF-8 form, so it could not be logged or echoed as sent.
   * Framed input ({@link RequestStream}) is checked already; JSON parsed otherwise is checked here.
   */
  public static RequestError loneSurrogateError(JsonNode node) {
    String at = ItemParser.loneSurrogate(node, "");
    return at == null ? null : new RequestError(null, "input.encoding", "a lone surrogate escape (\\ud800-\\udfff"
        + " without its pair) is not a character; write the character itself or its full pair", at);
  }
}
