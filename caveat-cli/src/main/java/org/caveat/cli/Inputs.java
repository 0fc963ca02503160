package org.caveat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a command's input: a file, or stdin for {@code -}. */
final class Inputs {
  private Inputs() {}

  /**
   * The raw bytes of {@code name}; decoding is the reader's (invalid UTF-8 is an error of its line
   * alone). A missing file, a folder or an unreadable file is a one-line error naming it.
   */
  static InputStream open(String name, InputStream stdin) {
    if (name.equals("-")) return stdin;
    Path p = Path.of(name);
    try {
      if (Files.isDirectory(p)) throw new CliException("cannot read " + name + ": it is a folder", null);
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + name + ": no such file", e);
    } catch (IOException e) {
      throw new CliException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
