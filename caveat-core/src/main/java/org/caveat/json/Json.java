package org.caveat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared Jackson configuration: NaN/Infinity are read (and then rejected with a clear message). */
public final class Json {
  /** Largest accepted request, in characters. */
  public static final int MAX_REQUEST_CHARS = 1 << 20;

  public static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .rootValueSeparator((String) null)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
          .maxStringLength(MAX_REQUEST_CHARS).maxDocumentLength(MAX_REQUEST_CHARS).build())
      .build();
  /** For JSON arrays of requests: no limit on the whole document; items are checked one by one. */
  public static final JsonFactory ARRAY_FACTORY = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
          .maxStringLength(MAX_REQUEST_CHARS).maxDocumentLength(-1).build())
      .build();
  public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private Json() {}
}
