package org.caveat.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionResolver;
import org.caveat.diff.DiffGeoJson;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.VersionDiff;
import org.caveat.json.Json;
import org.caveat.json.RequestError;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;
import org.caveat.model.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caveat diff FROM TO}: what changed between two policy versions — rules (condition by
 * condition), assumptions, zone areas gained and lost — and, with {@code --events}, the requests
 * whose verdict flips, with both explanations side by side.
 */
@Command(name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Compares two policy versions: rules, assumptions, zone areas and verdict flips.",
    description = {
        "",
        "FROM and TO are GRANT@VERSION (a version id such as 2024-05-30, or 'latest'),",
        "or a bare GRANT with --as-of TIME for the version in force then. The two may",
        "belong to different grants (e.g. the US and German positions on the same day);",
        "rules are then matched by id, and with --events each request is read as if its",
        "weapon came under each grant (scopes are not compared).",
        "",
        "Rules: added, removed, and changed (same id) with the parts of the condition",
        "(top-level && conjuncts) removed and added. Zones: for every zone name, the",
        "geodesic area (WGS84) in the TO version but not FROM (gained) and the reverse",
        "(lost), in km²; border lines in km. Buffer zones are measured on their",
        "approximate geometry and marked so.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat diff us-ua@2022-06-01 us-ua@2024-05-30",
        "  caveat diff us-ua@2022-06-01 us-ua@latest --format json",
        "  caveat diff us-ua@2022-06-01 us-ua@2024-05-30 --events examples/kharkiv.ndjson",
        "  caveat diff us-ua@2022-06-01 us-ua@2024-05-30 --geojson changes.geojson",
        "  caveat diff us-ua --as-of 2024-01-01 us-ua@latest",
        "  caveat diff us-ua@2024-05-30 de-ua@2024-05-31",
        "  caveat diff us-ua@2024-05-30 us-ua@latest --reliability official,reported",
        "",
        "Exit codes: 0 ok; 1 unknown grant or version, malformed GRANT@VERSION, bad",
        "pack or unreadable file; 2 some event was malformed (the others were still",
        "compared); 64 wrong usage (unknown option, bad --as-of or --reliability)."})
final class DiffCommand implements Callable<Integer> {
  /** Output formats; JSON is the contract, text is for people. */
  enum Format { json, text }

  @ParentCommand
  private CaveatCli cli;

  @Parameters(index = "0", paramLabel = "FROM", description = "GRANT@VERSION, GRANT@latest, or GRANT with --as-of.")
  private String fromSpec;

  @Parameters(index = "1", paramLabel = "TO", description = "GRANT@VERSION, GRANT@latest, or GRANT with --as-of.")
  private String toSpec;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (default): readable sections; json: one JSON document.")
  private Format format;

  @Option(names = "--events", paramLabel = "FILE|-",
      description = "Requests (JSON object, array or NDJSON; '-' reads stdin): list those whose verdict flips.")
  private String events;

  @Option(names = "--geojson", paramLabel = "FILE",
      description = "Write the zone difference geometries as a GeoJSON FeatureCollection.")
  private Path geojson;

  @Option(names = "--as-of", paramLabel = "TIME", converter = Options.AsOf.class,
      description = "For a bare GRANT: the version in force at TIME (2024-06-01 or 2024-06-01T03:00:00Z).")
  private Instant asOf;

  @Option(names = "--permitted-area",
      description = "Also estimate the area of Russia (43–57°N, 27–50°E, 0.05° grid) where a probe use is"
          + " permitted by each version; the probe is counter-fire against attacking artillery unless --probe.")
  private boolean permittedArea;

  @Option(names = "--probe", paramLabel = "FILE",
      description = "With --permitted-area: the request (JSON) to move over the grid instead of the default probe.")
  private String probe;

  @Mixin
  private EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    Instant time = asOf;
    // A typo in a file name should not wait for the packs to compile.
    for (String f : new String[] {events, probe}) {
      if (f != null && !f.equals("-") && !Files.exists(Path.of(f))) {
        throw new CliException("cannot read " + f + ": no such file", null);
      }
    }
    Caveat caveat = engine.engine();
    FlipList.Side from = resolve(fromSpec, time, caveat);
    FlipList.Side to = resolve(toSpec, time, caveat);
    VersionDiff diff = VersionDiff.of(from, to);

    Events ev = null;
    if (events != null) {
      ev = readEvents(events, cli.stdin);
      FlipList.Result flips = new FlipList(caveat.geography()).compare(from, to, diff.sameGrant(), ev.requests);
      ev = new Events(ev.requests, ev.lines, ev.errors, flips);
    }
    if (geojson != null) writeGeoJson(geojson, DiffGeoJson.featureCollection(diff.zones()));
    PermittedArea.Result area = null;
    if (permittedArea || probe != null) {
      Request p = probe != null ? readProbe(probe, cli.stdin) : PermittedArea.defaultProbe(from, to);
      area = PermittedArea.compare(from, to, diff.sameGrant(), p, PermittedArea.RUSSIA, PermittedArea.NEAR_UKRAINE,
          caveat.geography());
    }
    byte[] out = format == Format.json ? DiffJson.json(diff, area, ev)
        : DiffText.text(diff, area, ev).getBytes(StandardCharsets.UTF_8);
    cli.stdout.write(out);
    cli.stdout.flush();
    return ev != null && !ev.errors.isEmpty() ? CaveatCli.MALFORMED : CaveatCli.OK;
  }

  // ---- resolving GRANT@VERSION ----

  /** Core's rule ({@link VersionResolver}); the failures about --as-of and --reliability in the CLI's words. */
  static FlipList.Side resolve(String spec, Instant asOf, Caveat caveat) {
    VersionResolver.Resolution r = VersionResolver.resolve(caveat.grants(), spec, asOf);
    if (r instanceof VersionResolver.Found f) return FlipList.Side.of(caveat, f.grant(), f.version());
    VersionResolver.Unresolved u = (VersionResolver.Unresolved) r;
    throw new CliException(switch (u.failure()) {
      case NO_VERSION_NAMED -> "`" + spec + "` names no version: write " + u.grant().grant().id() + "@VERSION, "
          + u.grant().grant().id() + "@" + VersionResolver.LATEST + ", or add --as-of TIME";
      case NOT_ADMITTED -> "version " + spec + " is " + u.version().policy().reliability().label()
          + ", left out by --reliability";
      default -> u.message();
    }, null);
  }

  private static Request readProbe(String name, InputStream stdin) throws IOException {
    Events e = readEvents(name, stdin);
    if (!e.errors.isEmpty()) {
      Malformed m = e.errors.get(0);
      throw new CliException("--probe " + name + " line " + m.line() + ": " + m.error().code() + " "
          + m.error().message() + (m.error().at() == null || m.error().at().isEmpty() ? "" : " at " + m.error().at()),
          null);
    }
    if (e.requests.size() != 1) {
      throw new CliException("--probe " + name + " must hold exactly one request, found " + e.requests.size(), null);
    }
    return e.requests.get(0);
  }

  // ---- events ----

  /** Requests read from --events, the line each starts on, malformed items, and the flips. */
  record Events(List<Request> requests, List<Long> lines, List<Malformed> errors, FlipList.Result flips) {}

  record Malformed(long line, RequestError error) {}

  private static Events readEvents(String name, InputStream stdin) throws IOException {
    List<Request> requests = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Malformed> errors = new ArrayList<>();
    try (RequestStream stream = new RequestStream(Inputs.open(name, stdin))) {
      while (stream.hasNext()) {
        RequestStream.Item item = stream.next();
        if (item.error() != null) {
          errors.add(new Malformed(item.line(), item.error()));
          continue;
        }
        RequestReader.Parsed p = RequestReader.read(item.node());
        if (p.error() != null) {
          errors.add(new Malformed(item.line(), p.error()));
        } else {
          requests.add(p.request());
          lines.add(item.line());
        }
      }
    }
    return new Events(requests, lines, errors, null);
  }

  private static void writeGeoJson(Path file, ObjectNode fc) {
    try {
      Files.writeString(file, Json.MAPPER.writeValueAsString(fc) + "\n");
    } catch (IOException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  // ---- JSON ----
}
