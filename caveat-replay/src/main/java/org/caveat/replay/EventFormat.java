package org.caveat.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The input formats of {@code caveat replay}, and their detection from the first bytes of the input. */
public enum EventFormat {
  ACLED, NDJSON, GEOJSON;

  private static final int PEEK = 64 * 1024;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Detects the format from content: a CSV header naming {@code event_id_cnty} is ACLED; a
   * FeatureCollection is GeoJSON; other JSON ({@code {} or {@code [}) is NDJSON. Leaves the stream
   * where it was.
   *
   * @throws ReplayException when none fits, with a hint to use {@code --format}
   */
  public static EventFormat detect(BufferedInputStream in) throws IOException {
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    String text = new String(head, StandardCharsets.UTF_8);
    String start = text.stripLeading();
    if (start.startsWith("\uFEFF")) start = start.substring(1).stripLeading();
    if (start.startsWith("{")) {
      return start.matches("(?s)\\{[^\\n]{0,200}?\"type\"\\s*:\\s*\"FeatureCollection\".*")
          || start.replaceAll("\\s", "").contains("\"type\":\"FeatureCollection\"") ? GEOJSON : NDJSON;
    }
    if (start.startsWith("[")) return NDJSON;
    String firstLine = new BufferedReader(new java.io.StringReader(start)).readLine();
    if (firstLine != null && firstLine.toLowerCase(Locale.ROOT).contains("event_id_cnty")) return ACLED;
    throw new ReplayException("cannot tell the input format from its first line (not an ACLED header with"
        + " event_id_cnty, not JSON); give --format acled|ndjson|geojson");
  }

  /**
   * The source reading this format from {@code in}, as UTF-8. NDJSON and CSV are decoded line by
   * line and strictly (invalid UTF-8 is a bad row); in GeoJSON invalid bytes become U+FFFD.
   */
  public EventSource open(java.io.InputStream in, Mapping mapping) throws IOException {
    if (this == NDJSON) return new NdjsonSource(in);
    if (this == ACLED) return new AcledSource(in, mapping);
    return new GeoJsonSource(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
  }
}
