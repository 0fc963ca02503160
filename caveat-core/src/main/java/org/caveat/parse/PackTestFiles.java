package org.caveat.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;

/**
 * Finds and reads the test cases of a pack folder: {@code GRANT/tests/*.yaml} beside the version
 * files. Tests are not part of any version: they never enter a content hash and the pack loader
 * never reads them. Every problem of every test file is thrown together as a
 * {@link PolicyException}, positioned like pack diagnostics.
 */
public final class PackTestFiles {
  /** The test folder of a grant folder. */
  public static final String FOLDER = "tests";

  private PackTestFiles() {}

  /** The cases of the built-in packs (named {@code packs/GRANT/tests/…} in diagnostics). */
  public static List<PackTestCase> builtIn(List<Grant> grants) {
    return load(PackLoader.builtInDir(), PackLoader.BUILT_IN_LABEL, grants);
  }

  /**
   * The cases under {@code dir} (a folder of grant folders, or one grant folder), in file order.
   *
   * @param grants the grants loaded from {@code dir}, whose grantor and grantee fill in the short form
   */
  public static List<PackTestCase> load(Path dir, List<Grant> grants) {
    return load(dir, dir.toString(), grants);
  }

  private static List<PackTestCase> load(Path dir, String label, List<Grant> grants) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<PackTestCase> out = new ArrayList<>();
    for (Path g : PackLoader.grantFolders(dir)) {
      String grantId = g.getFileName() == null ? label : g.getFileName().toString();
      Grant grant = grants.stream().filter(x -> x.id().equals(grantId)).findFirst().orElse(null);
      Path tests = g.resolve(FOLDER);
      if (grant == null || !Files.isDirectory(tests)) continue;
      String prefix = (g.equals(dir) ? label : label + "/" + grantId) + "/" + FOLDER;
      for (Path f : testFiles(tests)) {
        String name = prefix + "/" + f.getFileName();
        out.addAll(new PackTestReader(name, PackLoader.read(f), grant, diagnostics).read());
      }
    }
    if (!diagnostics.isEmpty()) throw new PolicyException(diagnostics);
    return out;
  }

  private static List<Path> testFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml$")).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
