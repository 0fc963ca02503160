package org.caveat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;

/**
 * Writes a pack folder that decides as the service does: the packs it was started with, copied
 * file for file, plus the versions published through it, byte for byte. The folder is built
 * beside the target ({@code .NAME.partial-*}), loaded and compared with the service's engine, and
 * only then renamed into place: a failed or killed run never leaves a half-written pack folder.
 */
final class PackFolderExport {
  private PackFolderExport() {}

  /** Refuses a target that holds anything, unless it is to be replaced whole. */
  static void refuseExisting(Path out, boolean force) {
    if (!force && Files.exists(out) && !FolderMoves.isEmptyFolder(out)) {
      throw new CliException(out + " exists and is not empty; give --force to replace it whole", null);
    }
  }

  /**
   * Copies {@code base} (a folder of grant folders, or one grant folder), writes {@code published}
   * ({@code grant/version.yaml} → YAML) and moves the result to {@code out}.
   *
   * @param served the engine the service built from the same packs and versions; the export must load to the same
   */
  static void write(Path base, Map<String, String> published, Caveat served, Path out, boolean force) {
    refuseNested(base, out);
    Path temp = out.resolveSibling("." + out.getFileName() + ".partial-" + UUID.randomUUID());
    try {
      Files.createDirectories(out.getParent());
      Files.createDirectory(temp);
      copyPacks(base, temp);
      for (Map.Entry<String, String> v : published.entrySet()) writeVersion(temp, v.getKey(), v.getValue());
      String difference = firstDifference(fingerprint(served),
          fingerprint(Caveat.builder().geography(served.geography()).packs(temp).build()));
      if (difference != null) {
        throw new CliException("the exported folder would not decide as the service does (" + difference
            + "); nothing was written", null);
      }
      refuseExisting(out, force);
      FolderMoves.replace(out, temp);
    } catch (IOException e) {
      throw new CliException("cannot write " + out + ": " + e, e);
    } finally {
      try {
        FolderMoves.deleteTree(temp);
      } catch (IOException e) {
        // Only a failed run leaves the temporary folder; its own error is the one to report.
      }
    }
  }

  /** The service's pack folder copied as it is, except each grant's {@code tests/} folder (cases, never policy). */
  private static void copyPacks(Path base, Path temp) throws IOException {
    boolean oneGrant;
    try (Stream<Path> files = Files.list(base)) {
      oneGrant = files.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml$"));
    }
    Path root = oneGrant ? temp.resolve(base.getFileName().toString()) : temp;
    Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path to = target(dir);
        Path rel = temp.relativize(to);
        if (rel.getNameCount() == 2 && rel.getFileName().toString().equals("tests")) return FileVisitResult.SKIP_SUBTREE;
        Files.createDirectories(to);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target(file));
        return FileVisitResult.CONTINUE;
      }

      /** The same relative path under the copy (the built-in packs may be on the jar's file system). */
      private Path target(Path p) {
        Path to = root;
        for (Path name : base.relativize(p)) if (!name.toString().isEmpty()) to = to.resolve(name.toString());
        return to;
      }
    });
  }

  private static void writeVersion(Path temp, String name, String yaml) throws IOException {
    Path file = temp.resolve(name).normalize();
    if (!file.startsWith(temp) || temp.relativize(file).getNameCount() != 2) {
      throw new CliException("published version `" + name + "` is not named grant/version.yaml", null);
    }
    Files.createDirectories(file.getParent());
    try {
      Files.write(file, yaml.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new CliException("published version `" + name + "` has the name of a file of the packs; the service"
          + " holds both, one pack folder cannot", e);
    }
  }

  /**
   * Every version as {@code grantor→grantee grant@version hash}, in the engine's order within
   * each pair of parties: an answer lists the grants of its parties in that order, while grants
   * of other parties never meet in one answer.
   */
  private static List<String> fingerprint(Caveat engine) {
    List<String> out = new ArrayList<>();
    for (GrantInfo g : engine.grants()) {
      for (VersionInfo v : g.versions()) {
        out.add(g.grant().grantor() + "→" + g.grant().grantee() + " " + g.grant().id() + "@" + v.policy().version()
            + " " + v.policy().contentHash());
      }
    }
    out.sort(Comparator.comparing(line -> line.substring(0, line.indexOf(' '))));
    return out;
  }

  private static String firstDifference(List<String> served, List<String> exported) {
    for (int i = 0; i < Math.max(served.size(), exported.size()); i++) {
      String s = i < served.size() ? served.get(i) : "nothing";
      String e = i < exported.size() ? exported.get(i) : "nothing";
      if (!Objects.equals(s, e)) return "the service has " + s + " where the folder has " + e;
    }
    return null;
  }

  /**
   * The export must not copy itself into itself, nor replace the folder it copies from or the
   * one it runs in (or, with --force, a folder above either).
   */
  private static void refuseNested(Path base, Path out) {
    if (out.getParent() == null || Path.of("").toAbsolutePath().startsWith(out)) {
      throw new CliException("cannot export into " + out + ": it holds the working folder", null);
    }
    if (base.getFileSystem() != FileSystems.getDefault()) return;
    Path b = base.toAbsolutePath().normalize();
    if (b.startsWith(out) || out.startsWith(b)) {
      throw new CliException("cannot export into " + out + ": it overlaps the packs it copies (" + b + ")", null);
    }
  }
}
