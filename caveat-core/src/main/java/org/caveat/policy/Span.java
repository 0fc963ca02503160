package org.caveat.policy;

/** Where something is in a pack file: file path as given, 1-based line and column. */
public record Span(String file, int line, int column) {
  public static Span of(String file) {
    return new Span(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
