package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.caveat.record.PackRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caveat doc packs}, and the record kept in docs/record being what it writes from packs/. */
class DocCommandTest {
  static final Path RECORD = Cli.ROOT.resolve("docs/record");

  @Test
  void docsRecordIsWhatTheCommandWritesFromThePacks(@TempDir Path dir) throws IOException {
    Cli.Result r = Cli.run("doc", "packs", "--packs", Cli.path("packs"), "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String regenerate = "docs/record is stale: regenerate it with `" + PackRecord.REGENERATE + "` and commit it";
    assertThat(names(RECORD)).as(regenerate).isEqualTo(names(dir));
    for (String name : names(dir)) {
      assertThat(Files.readString(RECORD.resolve(name))).as(regenerate + " (" + name + " differs)")
          .isEqualTo(Files.readString(dir.resolve(name)));
      assertThat(Files.readAllBytes(RECORD.resolve(name))).as(regenerate + " (" + name + " bytes)")
          .isEqualTo(Files.readAllBytes(dir.resolve(name)));
    }
    assertThat(names(dir)).contains("index.md", "us-ua.md");
  }

  @Test
  void writesTheSameBytesTwiceAndRemovesOnlyItsOwnStalePages(@TempDir Path dir) throws IOException {
    Path packs = TimelineCommandTest.twoVersions(dir.resolve("packs"));
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("gone-ua.md"), PackRecord.GENERATED + "\n\n# an earlier grant\n");
    Files.writeString(out.resolve("notes.md"), "# written by hand\n");
    Cli.Result r = Cli.run("doc", "packs", "--packs", packs.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(out + ": 2 pages written, 1 stale removed\n");
    assertThat(names(out)).containsExactly("index.md", "notes.md", "us-ua.md");
    String index = Files.readString(out.resolve("index.md"));
    byte[] page = Files.readAllBytes(out.resolve("us-ua.md"));
    assertThat(Cli.run("doc", "packs", "--packs", packs.toString(), "--out", out.toString()).out())
        .isEqualTo(out + ": 2 pages written\n");
    assertThat(Files.readString(out.resolve("index.md"))).isEqualTo(index);
    assertThat(Files.readAllBytes(out.resolve("us-ua.md"))).isEqualTo(page);
    assertThat(index).startsWith(PackRecord.GENERATED + "\n")
        .contains("| US | [us-ua](us-ua.md) | 2022-06-01 | official | no | weapon.class rocket_artillery: no |\n")
        .contains("| US | [us-ua](us-ua.md) | 2024-05-30 | reported | near the border |"
            + " weapon.class ballistic_missile: no; weapon.class cruise_missile: no |\n");
  }

  @Test
  void outIsRequiredAndABadPackIsExit1() {
    Cli.Result usage = Cli.run("doc", "packs");
    assertThat(usage.code()).isEqualTo(64);
    assertThat(usage.err()).contains("`--out` needs a value");
    Cli.Result noSubject = Cli.run("doc");
    assertThat(noSubject.code()).isEqualTo(64);
    assertThat(noSubject.err()).contains("a subject is required: packs");
    Cli.Result missing = Cli.run("doc", "packs", "--packs", Cli.path("no-such-folder"), "--out", Cli.path("target/unused"));
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).doesNotContain("\tat ");
  }

  private static TreeSet<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
    }
  }

}
