package org.caveat.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears whole or not at all: bytes go to a temporary file beside the target
 * ({@code .NAME.*.partial}, same folder so the rename stays on one file system), which replaces the
 * target only at {@link #commit()}. A run that fails or is killed never truncates or half-writes a
 * previous complete file; a killed one leaves only its {@code .partial} file behind.
 */
final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private AtomicOutput(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  static AtomicOutput create(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      if (Files.isDirectory(abs)) throw new CliException("cannot write " + target + ": it is a folder", null);
      Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".partial");
      return new AtomicOutput(abs, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
    } catch (IOException e) {
      throw new CliException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Where to write; do not close it (commit or close this instead). */
  OutputStream stream() {
    return out;
  }

  /** The temporary file, while it exists. */
  Path temp() {
    return temp;
  }

  /** The output is complete: it replaces the target in one rename. */
  void commit() throws IOException {
    out.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Without a commit, the partial output is removed and the target left as it was. */
  @Override
  public void close() throws IOException {
    if (committed) return;
    out.close();
    Files.deleteIfExists(temp);
  }
}
