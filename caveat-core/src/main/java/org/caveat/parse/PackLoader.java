package org.caveat.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Span;

/**
 * Loads policy packs: a folder per grant holding one {@code .yaml} file per version. The path
 * given may be a folder of grant folders or a single grant folder. Structural problems of every
 * file are collected and thrown together as a {@link PolicyException}.
 */
public final class PackLoader {
  private static final String BUILT_IN = "/caveat/packs";

  private PackLoader() {}

  /** The packs shipped with Caveat (US→UA and others), read from the classpath. */
  public static List<Grant> builtIn() {
    return load(builtInDir(), BUILT_IN_LABEL);
  }

  /** The name the built-in packs go by in diagnostics. */
  public static final String BUILT_IN_LABEL = "packs";

  /** The folder of the built-in packs on the classpath (inside the jar when run from one). */
  public static Path builtInDir() {
    URL url = PackLoader.class.getResource(BUILT_IN);
    if (url == null) {
      throw new IllegalStateException("built-in packs missing from the classpath (" + BUILT_IN + ")");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return fs.getPath(BUILT_IN);
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open built-in packs", e);
    }
  }

  /** Loads a pack folder; file names in diagnostics are relative to it. */
  public static List<Grant> load(Path dir) {
    return load(dir, dir.toString());
  }

  static List<Grant> load(Path dir, String label) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      throw new PolicyException(List.of(new Diagnostic("pack.not_found", Span.of(label),
          "no pack folder at " + label, "give a folder of grant folders, or one grant folder")));
    }
    List<Path> grantDirs = grantFolders(dir);
    List<Grant> grants = new ArrayList<>();
    for (Path g : grantDirs) {
      String grantId = g.getFileName() == null ? label : g.getFileName().toString();
      String prefix = g.equals(dir) ? label : label + "/" + grantId;
      Grant grant = readGrant(grantId, g, prefix, diagnostics);
      if (grant != null) grants.add(grant);
    }
    if (grants.isEmpty() && diagnostics.isEmpty()) {
      diagnostics.add(new Diagnostic("pack.empty", Span.of(label), "no version files (*.yaml) found", null));
    }
    if (!diagnostics.isEmpty()) {
      throw new PolicyException(diagnostics);
    }
    return grants;
  }

  /**
   * Every version file under {@code dir} that could be read far enough to build a version, even
   * when it or its grant has problems (those are not reported here: {@link #load} reports them).
   * Lets a caller compile what can be compiled so that one run reports every problem of a pack.
   */
  public static List<PolicyVersion> readableVersions(Path dir) {
    return readableVersions(dir, dir.toString());
  }

  /** {@link #readableVersions(Path)} of the built-in packs. */
  public static List<PolicyVersion> readableBuiltInVersions() {
    return readableVersions(builtInDir(), BUILT_IN_LABEL);
  }

  /** {@link #readableVersions(Path)} of single version files named {@code grant/version.yaml}. */
  public static List<PolicyVersion> readableVersions(Map<String, byte[]> files) {
    List<PolicyVersion> out = new ArrayList<>();
    List<Diagnostic> ignored = new ArrayList<>();
    files.forEach((name, content) -> {
      PolicyVersion v = new VersionReader(name, content, rel -> null, ignored).read();
      if (v != null) out.add(v);
    });
    return out;
  }

  private static List<PolicyVersion> readableVersions(Path dir, String label) {
    List<PolicyVersion> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    List<Diagnostic> ignored = new ArrayList<>();
    for (Path g : grantFolders(dir)) {
      String prefix = g.equals(dir) ? label : label + "/" + g.getFileName();
      for (Path file : yamlFiles(g)) {
        PolicyVersion v = new VersionReader(prefix + "/" + file.getFileName(), read(file), rel -> sibling(g, rel),
            ignored).read();
        if (v != null) out.add(v);
      }
    }
    return out;
  }

  /**
   * SHA-256 of every file under {@code dir} (recursively, links followed, in name order), each with
   * its path and length, and of the label diagnostics and spans would name it by: whatever the
   * loader could read from the folder is covered, so equal digests mean equal packs. Null when the
   * folder cannot be read (the caller then compiles, and the loader reports why).
   */
  public static byte[] digest(Path dir) {
    return digest(dir, dir.toString());
  }

  /**
   * Whether the built-in packs are read from the same jar as the engine's classes: then whatever
   * names that jar (a compiled-pack cache's build) names their bytes too, and they need not be
   * read to be hashed. Cheap: only resource URLs are compared, no file is opened.
   */
  public static boolean builtInInEngineJar() {
    return org.caveat.geo.EngineJar.holds(PackLoader.class, BUILT_IN);
  }

  /** {@link #digest(Path)} of the built-in packs. */
  public static byte[] builtInDigest() {
    return digest(builtInDir(), BUILT_IN_LABEL);
  }

  private static byte[] digest(Path dir, String label) {
    if (!Files.isDirectory(dir)) return null;
    try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update((label + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      List<String> files = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
      for (String f : files) {
        byte[] bytes = Files.readAllBytes(dir.resolve(f));
        sha.update((f + "\n" + bytes.length + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(bytes);
      }
      return sha.digest();
    } catch (IOException | UncheckedIOException | java.security.NoSuchAlgorithmException unreadable) {
      return null;
    }
  }

  /**
   * The grants with more single version files added, e.g. versions published through change
   * requests. Keys are names {@code grant/version.yaml} (the folder and file naming of a pack);
   * a new grant id starts a new grant. Files cannot reference sibling files. Every problem,
   * including a date already taken, is thrown together as a {@link PolicyException}.
   */
  public static List<Grant> withVersions(List<Grant> base, Map<String, byte[]> files) {
    if (files.isEmpty()) return base;
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, List<PolicyVersion>> byGrant = new LinkedHashMap<>();
    base.forEach(g -> byGrant.put(g.id(), new ArrayList<>(g.versions())));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = f.getKey();
      int slash = name.indexOf('/');
      if (slash <= 0 || slash != name.lastIndexOf('/') || !name.matches(".*\\.ya?ml$")) {
        diagnostics.add(new Diagnostic("pack.name", Span.of(name), "a version file is named grant/version.yaml, not `"
            + name + "`", "e.g. us-ua/2025-01-01.yaml"));
        continue;
      }
      int before = diagnostics.size();
      PolicyVersion v = new VersionReader(name, f.getValue(), rel -> null, diagnostics).read();
      if (v == null || diagnostics.size() > before) continue;
      String grantId = name.substring(0, slash);
      String stem = name.substring(slash + 1).replaceFirst("\\.ya?ml$", "");
      if (v.grant() != null && !v.grant().equals(grantId)) {
        diagnostics.add(new Diagnostic("grant.mismatch", new Span(name, 1, 1), "file says grant `" + v.grant()
            + "` but is named for grant `" + grantId + "`", "the folder name is the grant id"));
      } else if (v.version() != null && !v.version().equals(stem)) {
        diagnostics.add(new Diagnostic("grant.mismatch", new Span(name, 1, 1), "file says version `" + v.version()
            + "` but is named `" + stem + "`", "name the file after its version"));
      } else {
        byGrant.computeIfAbsent(grantId, k -> new ArrayList<>()).add(v);
      }
    }
    List<Grant> out = new ArrayList<>();
    for (Map.Entry<String, List<PolicyVersion>> e : byGrant.entrySet()) {
      Grant g = checkedGrant(e.getKey(), e.getValue(), diagnostics);
      if (g != null) out.add(g);
    }
    if (!diagnostics.isEmpty()) throw new PolicyException(diagnostics);
    return out;
  }

  private static Grant readGrant(String grantId, Path dir, String prefix, List<Diagnostic> diagnostics) {
    List<PolicyVersion> versions = new ArrayList<>();
    int before = diagnostics.size();
    for (Path file : yamlFiles(dir)) {
      String name = prefix + "/" + file.getFileName();
      byte[] content = read(file);
      PolicyVersion v = new VersionReader(name, content, rel -> sibling(dir, rel), diagnostics).read();
      if (v == null) continue;
      String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (v.grant() != null && !v.grant().equals(grantId)) {
        diagnostics.add(new Diagnostic("grant.mismatch", new Span(name, 1, 1), "file says grant `" + v.grant()
            + "` but sits in folder `" + grantId + "`", "the folder name is the grant id"));
      }
      if (v.version() != null && !v.version().equals(stem)) {
        diagnostics.add(new Diagnostic("grant.mismatch", new Span(name, 1, 1), "file says version `" + v.version()
            + "` but is named `" + file.getFileName() + "`", "name the file after its version"));
      }
      versions.add(v);
    }
    if (versions.isEmpty() || diagnostics.size() > before) {
      return null;
    }
    return checkedGrant(grantId, versions, diagnostics);
  }

  /** One grant of these versions, or null after diagnosing mixed parties or a shared date. */
  private static Grant checkedGrant(String grantId, List<PolicyVersion> versions, List<Diagnostic> diagnostics) {
    int before = diagnostics.size();
    Map<String, PolicyVersion> byDate = new LinkedHashMap<>();
    PolicyVersion first = versions.get(0);
    for (PolicyVersion v : versions) {
      if (!v.grantor().equals(first.grantor()) || !v.grantee().equals(first.grantee())) {
        diagnostics.add(new Diagnostic("grant.mismatch", new Span(v.file(), 1, 1), "grantor/grantee "
            + v.grantor() + "→" + v.grantee() + " differ from " + first.file() + " (" + first.grantor() + "→"
            + first.grantee() + ")", "all versions of a grant share grantor and grantee"));
      }
      PolicyVersion clash = byDate.put(v.inForce().toString(), v);
      if (clash != null) {
        diagnostics.add(new Diagnostic("grant.duplicate_date", new Span(v.file(), 1, 1), "two versions enter into force at "
            + v.inForce() + " (also " + clash.file() + ")", null));
      }
    }
    return diagnostics.size() > before ? null : new Grant(grantId, first.grantor(), first.grantee(), versions);
  }

  /**
   * The grant folders of a pack folder: the folder itself when it holds version files, else its
   * sub-folders. A grant folder's own sub-folders (e.g. {@code tests/}) are never versions.
   */
  static List<Path> grantFolders(Path dir) {
    List<Path> grantDirs = new ArrayList<>();
    if (yamlFiles(dir).isEmpty()) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isDirectory).sorted().forEach(grantDirs::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      grantDirs.add(dir);
    }
    return grantDirs;
  }

  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static byte[] sibling(Path dir, String rel) {
    Path base = dir.toAbsolutePath().normalize();
    Path p = base.resolve(rel).normalize();
    if (!p.startsWith(base) || !Files.isRegularFile(p)) {
      return null;
    }
    return read(p);
  }
}
