package org.caveat.parse;

import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps offsets in a YAML scalar's value back to the file, whatever the scalar style: literal and
 * folded blocks (indentation stripped, lines kept or folded into spaces), plain multi-line and
 * quoted scalars (escapes). Each non-blank character of the value is aligned with the next equal
 * character of the raw text, which is exact for everything but escape sequences.
 */
final class ScalarSourceMap implements SourceMap {
  private final String file;
  private final String value;
  private final int[] lineOf, columnOf;

  ScalarSourceMap(String file, String[] fileLines, ScalarNode node) {
    this.file = file;
    this.value = node.getValue();
    this.lineOf = new int[value.length() + 1];
    this.columnOf = new int[value.length() + 1];
    int line = node.getStartMark().getLine(), col = node.getStartMark().getColumn();
    ScalarStyle style = node.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      line++; // the text starts on the line after the indicator
      col = 0;
    } else if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
      col++;
    }
    int endLine = node.getEndMark().getLine();
    int lastLine = line, lastCol = col - 1;
    for (int i = 0; i < value.length(); i++) {
      char v = value.charAt(i);
      if (!Character.isWhitespace(v)) {
        // Advance through the raw text to the next occurrence of this character.
        while (line <= endLine && line < fileLines.length) {
          String raw = fileLines[line];
          if (col < raw.length() && raw.charAt(col) == v) break;
          if (++col >= raw.length()) {
            line++;
            col = 0;
          }
        }
        lastLine = line;
        lastCol = col;
        lineOf[i] = line;
        columnOf[i] = col;
        col++;
      } else {
        lineOf[i] = lastLine;
        columnOf[i] = lastCol + 1;
      }
    }
    lineOf[value.length()] = lastLine;
    columnOf[value.length()] = lastCol + 1;
  }

  @Override
  public Span at(int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = value.indexOf('\n', offset);
      if (nl < 0) break;
      offset = nl + 1;
    }
    offset = Math.min(value.length(), offset + Math.max(0, column));
    return new Span(file, lineOf[offset] + 1, columnOf[offset] + 1);
  }
}
