package org.caveat.policy;

/** Where something is in a pack file: file path as given, 1-based line and column. */
public record Span(String file, int line, int column) {
  public static Span of(String file) {
    return new Span(file, 0, 0);
  }

  /** The position {@code lines} lines and {@code columns} columns further on. */
  public Span shift(int lines, int column) {
    return new Span(file, line + lines, column);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
