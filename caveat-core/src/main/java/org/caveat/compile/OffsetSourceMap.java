package org.caveat.compile;

import org.caveat.cache.Decoder;
import org.caveat.cache.Encoder;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;

/**
 * A condition's {@link SourceMap} as a table: the file position of every character offset of the
 * text (and of its end). A CEL position (line, column) is turned into an offset the way the YAML
 * reader's maps do it (the start of that line plus the column, clamped to the text), so for those
 * maps the table gives the same span for every position. Used for versions read from the
 * compiled-pack cache; their conditions compiled without a diagnostic, so it is rarely consulted.
 */
final class OffsetSourceMap implements SourceMap {
  private final String file;
  private final String text;
  private final int[] lines, columns;

  private OffsetSourceMap(String file, String text, int[] lines, int[] columns) {
    this.file = file;
    this.text = text;
    this.lines = lines;
    this.columns = columns;
  }

  @Override
  public Span at(int line, int column) {
    int o = offset(text, line, column);
    return new Span(file, lines[o], columns[o]);
  }

  /** The offset of CEL's (1-based line, 0-based column) in {@code text}. */
  private static int offset(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) break;
      offset = nl + 1;
    }
    return Math.min(text.length(), offset + Math.max(0, column));
  }

  /** Samples {@code map} at every offset; the file is written once (a map spans one file). */
  static void write(Encoder out, String text, SourceMap map) {
    Span first = map.at(1, 0);
    out.string(first.file());
    int line = 1, lineStart = 0, prevLine = 0, prevColumn = 0;
    for (int o = 0; o <= text.length(); o++) {
      Span s = map.at(line, o - lineStart);
      if (!java.util.Objects.equals(s.file(), first.file())) {
        throw new IllegalArgumentException("a source map across files");
      }
      out.sint(s.line() - prevLine).sint(s.column() - prevColumn);
      prevLine = s.line();
      prevColumn = s.column();
      if (o < text.length() && text.charAt(o) == '\n') {
        line++;
        lineStart = o + 1;
      }
    }
  }

  static OffsetSourceMap read(Decoder in, String text) {
    String file = in.string();
    int n = text.length() + 1; // the text is already in memory: no length to trust
    int[] lines = new int[n], columns = new int[n];
    int line = 0, column = 0;
    for (int o = 0; o < n; o++) {
      lines[o] = line += in.sint();
      columns[o] = column += in.sint();
    }
    return new OffsetSourceMap(file, text, lines, columns);
  }
}
