package org.caveat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.json.Json;
import org.caveat.policy.Reliability;
import org.caveat.timeline.Timeline;
import org.caveat.timeline.TimelineJson;
import org.caveat.timeline.TimelineOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caveat timeline [GRANT]}: without GRANT, the overview of every grant (one line per
 * version); with it (or {@code --detail}), every version in date order with what it changed and its
 * sources. Both come from caveat-core's {@link Timeline}; this class only renders.
 */
@Command(name = "timeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Lists the versions of every grant (or of GRANT) in date order, and what changed.",
    description = {
        "",
        "Without GRANT: an overview, one line per version of every grant (in-force date,",
        "reliability, title), grouped by grant.",
        "With GRANT (or --detail): for each version the in-force date, reliability, title,",
        "a one-line summary of what changed against the previous listed version (rule ids",
        "added, removed, or with a changed effect or condition; assumptions changed), and",
        "its sources (id, outlet, date). --as-of marks the version in force at that time.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat timeline",
        "  caveat timeline us-ua --as-of 2024-06-01",
        "  caveat timeline --detail",
        "  caveat timeline us-ua --reliability official,reported --format json",
        "  caveat timeline --packs my-packs/",
        "",
        "Exit codes: 0 listed; 1 unknown grant, bad pack or unexpected error (on stderr);",
        "64 wrong usage (unknown option, bad --as-of or --reliability)."})
final class TimelineCommand implements Callable<Integer> {
  @ParentCommand
  private CaveatCli cli;

  @Parameters(index = "0", arity = "0..1", paramLabel = "GRANT", description = "A grant id, e.g. us-ua; default: every grant.")
  private String grant;

  @Option(names = "--format", paramLabel = "json|text", defaultValue = "text",
      description = "text (default): a readable list; json: one JSON document.")
  private CheckCommand.Format format;

  @Option(names = "--reliability", paramLabel = "LIST", split = ",", converter = Options.ReliabilityName.class,
      description = "List only versions of these reliabilities (official, reported, disputed; comma-separated);"
          + " changes are then against the previous listed version.")
  private Set<Reliability> reliability;

  @Option(names = "--as-of", paramLabel = "TIME", converter = Options.AsOf.class,
      description = "Mark the version in force at this time (ISO 8601 instant, or a date = 00:00 UTC).")
  private Instant asOf;

  @Option(names = "--detail",
      description = "Without GRANT: every version of every grant with its changes and sources, not the overview.")
  private boolean detail;

  @Option(names = "--packs", paramLabel = "DIR",
      description = "A folder of policy packs (or one grant folder); default: the built-in packs.")
  private Path packs;

  @Override
  public Integer call() throws IOException {
    Caveat caveat = Engines.build(packs, java.util.Map.of(), null);
    Set<Reliability> admitted = reliability == null ? EnumSet.allOf(Reliability.class) : reliability;
    Timeline t = Timeline.of(caveat.grants().stream().map(GrantInfo::grant).toList(), grant, admitted, asOf);
    boolean json = format == CheckCommand.Format.json;
    if (grant == null && !detail) {
      TimelineOverview o = TimelineOverview.of(t);
      cli.stdout.write(json ? json(g -> TimelineJson.writeOverview(g, o)) : overview(o));
    } else {
      cli.stdout.write(json ? json(g -> TimelineJson.write(g, t)) : text(t));
    }
    cli.stdout.flush();
    return CaveatCli.OK;
  }

  static byte[] text(Timeline t) {
    StringBuilder b = new StringBuilder();
    for (Timeline.GrantTimeline g : t.grants()) {
      b.append(g.grant()).append("  ").append(g.grantor()).append(" → ").append(g.grantee()).append("  ")
          .append(g.versions().size()).append(g.versions().size() == 1 ? " version" : " versions").append('\n');
      if (g.versions().isEmpty()) b.append("  (no version of an admitted reliability)\n");
      for (Timeline.Entry e : g.versions()) {
        b.append(e.inForceAtAsOf() ? "* " : "  ").append(e.version()).append("  in force ").append(e.inForce())
            .append("  ").append(e.reliability());
        if (e.title() != null) b.append("  ").append(e.title());
        if (e.inForceAtAsOf()) b.append("  (in force at ").append(t.asOf()).append(')');
        b.append('\n');
        b.append("    changes").append(e.previous() == null ? "" : " since " + e.previous()).append(": ")
            .append(e.changes().summary()).append('\n');
        for (Timeline.SourceRef s : e.sources()) {
          b.append("    source ").append(s.id()).append(": ").append(s.outlet()).append(", ").append(s.date()).append('\n');
        }
      }
      b.append('\n');
    }
    if (t.asOf() != null && t.grants().stream().allMatch(g -> g.versions().stream().noneMatch(Timeline.Entry::inForceAtAsOf))) {
      b.append("No listed version is in force at ").append(t.asOf()).append(".\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One block per grant: a heading line, then one line per version ({@code *} marks the one in force at --as-of). */
  static byte[] overview(TimelineOverview o) {
    StringBuilder b = new StringBuilder();
    for (TimelineOverview.Grant g : o.grants()) {
      b.append(g.grant()).append("  ").append(g.grantor()).append(" → ").append(g.grantee()).append("  ")
          .append(g.versions().size()).append(g.versions().size() == 1 ? " version" : " versions").append('\n');
      if (g.versions().isEmpty()) b.append("  (no version of an admitted reliability)\n");
      for (TimelineOverview.Line l : g.versions()) {
        b.append(l.inForceAtAsOf() ? "* " : "  ").append(l.inForce()).append("  ").append(l.reliability());
        if (l.title() != null) b.append("  ").append(l.title());
        if (!l.version().equals(l.inForce())) b.append("  (version ").append(l.version()).append(')');
        b.append('\n');
      }
    }
    if (o.asOf() != null) {
      boolean any = o.grants().stream().anyMatch(g -> g.versions().stream().anyMatch(TimelineOverview.Line::inForceAtAsOf));
      b.append(any ? "* in force at " + o.asOf() : "No listed version is in force at " + o.asOf() + ".").append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] json(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(bytes)) {
      body.write(g);
      g.writeRaw('\n');
    }
    return bytes.toByteArray();
  }
}
