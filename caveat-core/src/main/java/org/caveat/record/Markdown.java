package org.caveat.record;

/** Text of the packs made safe for the Markdown the record is written in. */
final class Markdown {
  private Markdown() {}

  /** One line: runs of whitespace (folded YAML keeps line breaks) become one space. */
  static String line(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  /** A table cell: one line, with {@code |} escaped so it cannot end the cell. */
  static String cell(String s) {
    return line(s).replace("|", "\\|");
  }

  /** A block quote: every line of the text prefixed with {@code > }. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder();
    for (String l : s.strip().split("\n")) b.append(l.isBlank() ? ">" : "> " + l.strip()).append('\n');
    return b.toString();
  }

  /** Inline code; a value holding a backtick is wrapped in double backticks. */
  static String code(String s) {
    return s.contains("`") ? "`` " + s + " ``" : "`" + s + "`";
  }
}
