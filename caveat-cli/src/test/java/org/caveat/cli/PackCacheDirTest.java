package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.json.AnswerWriter;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's compiled-pack cache: the first engine of a packs folder is compiled and
 * stored as one file, the next is read from it, and both answer the examples byte for byte like
 * an engine compiled without a cache; a damaged file is compiled again and replaced.
 */
class PackCacheDirTest {
  @TempDir Path dir;

  @Test
  void anEngineReadFromTheCacheFolderAnswersLikeACompiledOne() throws IOException {
    Path packs = Path.of(Cli.path("packs"));
    PackCacheDir cache = new PackCacheDir(dir, "test-build");
    Caveat compiled = Engines.build(packs, Map.of(), null);
    Caveat first = Engines.build(packs, Map.of(), null, cache);
    List<Path> files = cacheFiles();
    assertThat(files).hasSize(1);
    Caveat second = Engines.build(packs, Map.of(), null, cache);
    Files.write(files.get(0), new byte[] {1, 2, 3});
    Caveat afterDamage = Engines.build(packs, Map.of(), null, cache);
    assertThat(Files.size(cacheFiles().get(0))).isGreaterThan(3);

    List<Request> requests = examples();
    assertThat(requests).hasSizeGreaterThan(5);
    for (Request r : requests) {
      String expected = AnswerWriter.toJson(compiled.answer(r), true);
      assertThat(AnswerWriter.toJson(first.answer(r), true)).isEqualTo(expected);
      assertThat(AnswerWriter.toJson(second.answer(r), true)).isEqualTo(expected);
      assertThat(AnswerWriter.toJson(afterDamage.answer(r), true)).isEqualTo(expected);
    }
  }

  /**
   * The build is named by the engine's jar (its size and time); run from class folders (`mvn test`,
   * an IDE) there is no jar to name it, so nothing is cached. Under `mvn verify` the reactor hands
   * the CLI's tests caveat-core's packaged jar, so which case applies depends on the goal.
   */
  @Test
  void theBuildIsNamedByTheEngineJarAndWithoutOneNothingIsCached() throws Exception {
    Path source = Path.of(Caveat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(source)) {
      assertThat(CacheDir.engineJar()).isNull();
      assertThat(CacheDir.geography(dir).build()).isNull();
    } else {
      assertThat(CacheDir.engineJar())
          .isEqualTo("jar:" + Files.size(source) + ":" + Files.getLastModifiedTime(source).toMillis());
      assertThat(CacheDir.geography(dir).build()).isEqualTo(CacheDir.engineJar());
    }
  }

  private List<Path> cacheFiles() throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("packs-")).toList();
    }
  }

  private static List<Request> examples() throws IOException {
    List<Request> out = new java.util.ArrayList<>();
    try (var s = Files.list(Path.of(Cli.path("examples")))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".ndjson")).sorted().toList()) {
        try (RequestStream in = new RequestStream(Files.newInputStream(p))) {
          while (in.hasNext()) {
            RequestReader.Parsed parsed = RequestReader.read(in.next(), org.caveat.json.RequestDefaults.NONE);
            if (parsed.request() != null) out.add(parsed.request());
          }
        }
      }
    }
    return out;
  }
}
