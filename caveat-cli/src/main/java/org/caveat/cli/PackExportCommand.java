package org.caveat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.policy.PolicyVersion;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.PublishedVersion;
import org.caveat.store.Store;
import org.caveat.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code caveat pack export}: the policy a service decides with, as a pack folder, so that
 * {@code caveat check --packs OUT} answers as the service does after versions were published.
 */
@Command(name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Writes the policy a service decides with into a pack folder.",
    description = {
        "",
        "The service decides with its packs (the built-in ones, or `serve --packs DIR`)",
        "plus the versions published through change requests, which only its store",
        "holds. This writes both into OUT: the packs' files as they are, without the",
        "grants' tests/ folders (they pin the packs' decisions, not the service's), and",
        "each published version as GRANT/VERSION.yaml with the bytes stored.",
        "First the published versions are checked against the decision log, as the",
        "server does at start; a difference refuses the export. The folder is built",
        "beside OUT, loaded and compared with the service's engine, then renamed into",
        "place. The store may be in use.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat pack export --data /srv/caveat served-packs",
        "  caveat check --packs served-packs requests.ndjson",
        "  caveat pack export --db jdbc:postgresql://db:5432/caveat --db-user caveat \\",
        "      --db-password-env PGPASSWORD --packs my-packs --force served-packs",
        "",
        "Exit codes: 0 exported; 1 the store cannot be opened or read, its published",
        "versions differ from the log, the packs do not load, OUT is not empty (without",
        "--force) or cannot be written; 64 wrong usage."})
final class PackExportCommand implements Callable<Integer> {
  @Mixin
  private ServeCommand.StoreOptions store;

  @Option(names = "--packs", paramLabel = "DIR",
      description = "The packs the service runs with (`serve --packs`); default: the built-in packs.")
  private Path packs;

  @Option(names = "--force", description = "Replace OUT whole when it exists and is not empty.")
  private boolean force;

  @Parameters(index = "0", paramLabel = "OUT", description = "The pack folder to write.")
  private Path out;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path target = out.toAbsolutePath().normalize();
    PackFolderExport.refuseExisting(target, force);
    try (Store s = store.openExisting()) {
      LiveEngine.Pinned served = new LiveEngine(EngineFactory.packs(packs), s.published()).pin();
      // Only for the summary: the files written are those the engine was built from.
      Map<String, PublishedVersion> rows = new LinkedHashMap<>();
      for (PublishedVersion v : s.published().all()) rows.put(v.fileName(), v);
      PackFolderExport.write(packs != null ? packs : Caveat.builtInPacks(), served.publishedVersions(),
          served.engine(), target, force);
      summary(served, rows, s.describe(), target);
      return CaveatCli.OK;
    } catch (StoreException e) {
      throw new CliException("nothing exported: " + e.getMessage(), e);
    }
  }

  private void summary(LiveEngine.Pinned served, Map<String, PublishedVersion> rows, String where, Path target) {
    PrintWriter w = spec.commandLine().getOut();
    List<GrantInfo> grants = served.engine().grants();
    int versions = grants.stream().mapToInt(g -> g.versions().size()).sum();
    int published = served.publishedVersions().size();
    w.printf("exported %d grant%s, %d version%s (%d published through the service) to %s%n", grants.size(),
        grants.size() == 1 ? "" : "s", versions, versions == 1 ? "" : "s", published, target);
    for (GrantInfo g : grants) {
      long fromStore = g.grant().versions().stream().filter(v -> served.publishedVersions().containsKey(name(g, v)))
          .count();
      w.printf("  %-8s %s → %s  %d version%s%s%n", g.grant().id(), g.grant().grantor(), g.grant().grantee(),
          g.versions().size(), g.versions().size() == 1 ? "" : "s", fromStore == 0 ? "" : ", " + fromStore + " published");
    }
    for (String file : served.publishedVersions().keySet()) {
      PublishedVersion row = rows.get(file);
      w.println("  published: " + file + (row == null ? ""
          : "  (" + row.changeRequestId() + ", " + row.publishedAt() + ", " + row.contentHash() + ")"));
    }
    w.println("from " + where + " and " + (packs == null ? "the built-in packs" : packs) + "; tests/ folders left out");
  }

  private static String name(GrantInfo g, PolicyVersion v) {
    return g.grant().id() + "/" + v.version() + ".yaml";
  }
}
