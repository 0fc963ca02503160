package org.caveat.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Folder operations of {@link PackFolderExport}: a finished folder moved into place, a tree removed. */
final class FolderMoves {
  private FolderMoves() {}

  /** Moves the finished folder into place; a replaced target is moved aside first and deleted after. */
  static void replace(Path out, Path temp) throws IOException {
    if (isEmptyFolder(out)) Files.delete(out);
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      move(temp, out);
      return;
    }
    Path aside = out.resolveSibling("." + out.getFileName() + ".replaced-" + UUID.randomUUID());
    move(out, aside);
    try {
      move(temp, out);
    } catch (IOException e) {
      move(aside, out);
      throw e;
    }
    try {
      deleteTree(aside);
    } catch (IOException e) {
      throw new CliException("exported to " + out + ", but the folder it replaced is left at " + aside + ": " + e, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static boolean isEmptyFolder(Path p) {
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return false;
    try (Stream<Path> s = Files.list(p)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
