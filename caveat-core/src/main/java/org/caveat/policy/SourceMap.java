package org.caveat.policy;

/**
 * Maps a position inside an embedded text (a condition: CEL's 1-based line and 0-based column)
 * to its place in the pack file, so errors inside conditions point at the file.
 */
@FunctionalInterface
public interface SourceMap {
  Span at(int line, int column);

  /** Where the text starts in the file. */
  default Span start() {
    return at(1, 0);
  }

  /** A text copied verbatim from {@code start} (every line at the same column). */
  static SourceMap from(Span start) {
    return (line, column) -> new Span(start.file(), start.line() + line - 1, start.column() + column);
  }
}
