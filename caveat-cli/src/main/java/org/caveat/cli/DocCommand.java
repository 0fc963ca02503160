package org.caveat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.caveat.record.PackRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code caveat doc packs}: writes the generated, human-readable record of the packs (caveat-core's {@link PackRecord}). */
@Command(name = "doc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Writes generated documentation.",
    subcommands = DocCommand.Packs.class,
    footer = {"", "Examples:", "  caveat doc packs --out docs/record"})
final class DocCommand implements Runnable {
  @ParentCommand
  CaveatCli cli;

  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subject is required: packs");
  }

  @Command(name = "packs",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      header = "Writes the record of the packs as Markdown: index.md and one page per grant.",
      description = {
          "",
          "Each grant page lists every version with its rules in plain words, assumptions",
          "(default and wider reading) and sources (outlet, date, attribution, reliability,",
          "quote, link). index.md holds the table \"supplier × date × may strike in Russia?\",",
          "derived by deciding fixed probe requests (described on the page). The same packs",
          "give the same bytes. Pages this command wrote earlier that no longer have a grant",
          "are removed; other files in DIR are left alone.", ""},
      footer = {
          "",
          "Examples:",
          "  caveat doc packs --out docs/record      (regenerates the record kept in the repository)",
          "  caveat doc packs --packs my-packs/ --out /tmp/record",
          "",
          "Exit codes: 0 written; 1 bad pack, unwritable DIR or unexpected error (on stderr);",
          "64 wrong usage (missing --out)."})
  static final class Packs implements Callable<Integer> {
    @ParentCommand
    private DocCommand doc;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write the pages into (created if needed).")
    private Path out;

    @Option(names = "--packs", paramLabel = "DIR",
        description = "A folder of policy packs (or one grant folder); default: the built-in packs.")
    private Path packs;

    @Override
    public Integer call() throws IOException {
      SortedMap<String, String> pages = PackRecord.of(Engines.build(packs, Map.of(), null));
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new CliException("cannot create " + out + ": " + e.getMessage(), e);
      }
      for (Map.Entry<String, String> page : pages.entrySet()) {
        try (AtomicOutput o = AtomicOutput.create(out.resolve(page.getKey()))) {
          o.stream().write(page.getValue().getBytes(StandardCharsets.UTF_8));
          o.commit();
        }
      }
      int removed = removeStale(pages.keySet());
      String line = out + ": " + pages.size() + " pages written" + (removed == 0 ? "" : ", " + removed + " stale removed") + "\n";
      doc.cli.stdout.write(line.getBytes(StandardCharsets.UTF_8));
      doc.cli.stdout.flush();
      return CaveatCli.OK;
    }

    /** Removes Markdown files this command generated before (their first line says so) that it did not write now. */
    private int removeStale(java.util.Set<String> written) throws IOException {
      TreeSet<Path> stale = new TreeSet<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(out, "*.md")) {
        for (Path f : files) {
          if (written.contains(f.getFileName().toString()) || !Files.isRegularFile(f)) continue;
          try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            if (PackRecord.GENERATED.equals(r.readLine())) stale.add(f);
          } catch (java.nio.charset.CharacterCodingException e) {
            // Not UTF-8 text: not a page this command wrote.
          }
        }
      }
      for (Path f : stale) Files.delete(f);
      return stale.size();
    }
  }
}
