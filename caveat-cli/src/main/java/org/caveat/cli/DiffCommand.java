package org.caveat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import org.caveat.compile.CompiledVersion;
import org.caveat.decide.CompiledGrant;
import org.caveat.diff.AssumptionDiff;
import org.caveat.diff.DiffGeoJson;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.RuleDiff;
import org.caveat.diff.VersionDiff;
import org.caveat.diff.ZoneDiff;
import org.caveat.explain.Answer;
import org.caveat.explain.Numbers;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestError;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;
import org.caveat.model.Request;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Reliability;
import org.caveat.policy.Suggest;
import picocli.CommandLine.Command;
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

  private static final int COLUMN = 50;

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

  @Option(names = "--reliability", paramLabel = "LIST", split = ",", converter = Options.ReliabilityName.class,
      description = "Admit only versions of these reliabilities (e.g. official,reported) for @latest and"
          + " --as-of; naming a left-out version is an error.")
  private Set<Reliability> reliability;

  @Option(names = "--permitted-area",
      description = "Also estimate the area of Russia (43–57°N, 27–50°E, 0.05° grid) where a probe use is"
          + " permitted by each version; the probe is counter-fire against attacking artillery unless --probe.")
  private boolean permittedArea;

  @Option(names = "--probe", paramLabel = "FILE",
      description = "With --permitted-area: the request (JSON) to move over the grid instead of the default probe.")
  private String probe;

  @Option(names = "--packs", paramLabel = "DIR",
      description = "A folder of policy packs (or one grant folder); default: the built-in packs.")
  private Path packs;

  @Option(names = "--assume", paramLabel = "NAME=VALUE",
      description = "Overrides a pack assumption in both versions, e.g. kharkiv_band_depth_km=40. Repeatable.")
  private Map<String, String> assumptions = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    Instant time = asOf;
    // A typo in a file name should not wait for the packs to compile.
    for (String f : new String[] {events, probe}) {
      if (f != null && !f.equals("-") && !Files.exists(Path.of(f))) {
        throw new CliException("cannot read " + f + ": no such file", null);
      }
    }
    Caveat.Builder b = Caveat.builder();
    if (packs != null) b.packs(packs);
    if (reliability != null) b.reliability(reliability);
    assumptions.forEach(b::assume);
    Caveat caveat = b.build();
    FlipList.Side from = resolve(fromSpec, time, caveat.grants());
    FlipList.Side to = resolve(toSpec, time, caveat.grants());
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
      Request p = probe != null ? readProbe(probe, cli.stdin) : PermittedArea.counterFireProbe(
          to.grant().grant().grantee(), to.grant().grant().grantor(), later(from, to));
      area = PermittedArea.compare(from, to, diff.sameGrant(), p, "RU", PermittedArea.NEAR_UKRAINE, caveat.geography());
    }
    byte[] out = format == Format.json ? json(diff, area, ev) : text(diff, area, ev).getBytes(StandardCharsets.UTF_8);
    cli.stdout.write(out);
    cli.stdout.flush();
    return ev != null && !ev.errors.isEmpty() ? CaveatCli.MALFORMED : CaveatCli.OK;
  }

  // ---- resolving GRANT@VERSION ----

  static FlipList.Side resolve(String spec, Instant asOf, List<CompiledGrant> grants) {
    int at = spec.indexOf('@');
    String grantId = at < 0 ? spec : spec.substring(0, at);
    String version = at < 0 ? null : spec.substring(at + 1);
    if (grantId.isEmpty() || (version != null && (version.isEmpty() || version.contains("@")))) {
      throw new CliException("malformed version reference `" + spec + "`: expected GRANT@VERSION, e.g. us-ua@2024-05-30",
          null);
    }
    CompiledGrant grant = null;
    List<String> ids = new ArrayList<>();
    for (CompiledGrant g : grants) {
      ids.add(g.grant().id());
      if (g.grant().id().equals(grantId)) grant = g;
    }
    if (grant == null) {
      throw new CliException("unknown grant `" + grantId + "`; " + Suggest.didYouMean(grantId, ids), null);
    }
    if (version == null) {
      if (asOf == null) {
        throw new CliException("`" + spec + "` names no version: write " + grantId + "@VERSION, " + grantId
            + "@latest, or add --as-of TIME", null);
      }
      CompiledVersion v = grant.inForceAt(asOf);
      if (v == null) {
        throw new CliException("grant " + grantId + " has no version in force at " + asOf + "; its first is "
            + grant.versions().get(0).policy().version(), null);
      }
      return new FlipList.Side(grant, v);
    }
    List<String> versions = new ArrayList<>();
    for (CompiledVersion v : grant.versions()) {
      versions.add(v.policy().version());
      if (!v.policy().version().equals(version)) continue;
      if (!grant.admits(v)) {
        throw new CliException("version " + spec + " is " + v.policy().reliability().label()
            + ", left out by --reliability", null);
      }
      return new FlipList.Side(grant, v);
    }
    if (version.equals("latest")) {
      CompiledVersion latest = null;
      for (CompiledVersion v : grant.versions()) if (grant.admits(v)) latest = v;
      if (latest == null) throw new CliException("grant " + grantId + " has no version of an admitted reliability", null);
      return new FlipList.Side(grant, latest);
    }
    throw new CliException("grant " + grantId + " has no version `" + version + "`; "
        + Suggest.didYouMean(version, versions), null);
  }

  private static Instant later(FlipList.Side a, FlipList.Side b) {
    Instant x = a.version().policy().inForce(), y = b.version().policy().inForce();
    return x.isAfter(y) ? x : y;
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
  private record Events(List<Request> requests, List<Long> lines, List<Malformed> errors, FlipList.Result flips) {}

  private record Malformed(long line, RequestError error) {}

  private static Events readEvents(String name, InputStream stdin) throws IOException {
    List<Request> requests = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Malformed> errors = new ArrayList<>();
    try (Reader in = open(name, stdin); RequestStream stream = new RequestStream(in)) {
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

  private static Reader open(String name, InputStream stdin) {
    if (name.equals("-")) return new InputStreamReader(stdin, StandardCharsets.UTF_8);
    Path p = Path.of(name);
    try {
      if (Files.isDirectory(p)) throw new CliException("cannot read " + name + ": it is a folder", null);
      return new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + name + ": no such file", e);
    } catch (IOException e) {
      throw new CliException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static void writeGeoJson(Path file, ObjectNode fc) {
    try {
      Files.writeString(file, Json.MAPPER.writeValueAsString(fc) + "\n");
    } catch (IOException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  // ---- JSON ----

  private static byte[] json(VersionDiff d, PermittedArea.Result area, Events ev) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      endpoint(g, "from", d.from());
      endpoint(g, "to", d.to());
      g.writeBooleanField("same_grant", d.sameGrant());
      g.writeObjectFieldStart("rules");
      ruleList(g, "added", d.rules().added());
      ruleList(g, "removed", d.rules().removed());
      g.writeArrayFieldStart("changed");
      for (RuleDiff.Changed c : d.rules().changed()) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        pair(g, "effect", c.effect());
        pair(g, "text", c.text());
        g.writeObjectFieldStart("sources");
        strings(g, "removed", c.sourcesRemoved());
        strings(g, "added", c.sourcesAdded());
        g.writeEndObject();
        g.writeObjectFieldStart("condition");
        strings(g, "removed", c.conjunctsRemoved());
        strings(g, "added", c.conjunctsAdded());
        strings(g, "kept", c.conjunctsKept());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "unchanged", d.rules().unchanged());
      g.writeArrayFieldStart("renamed");
      for (List<String> pair : d.rules().renamed()) {
        g.writeStartObject();
        g.writeStringField("from", pair.get(0));
        g.writeStringField("to", pair.get(1));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("assumptions");
      assumptionList(g, "added", d.assumptions().added());
      assumptionList(g, "removed", d.assumptions().removed());
      assumptionList(g, "changed", d.assumptions().changed());
      g.writeEndObject();
      g.writeArrayFieldStart("zones");
      for (ZoneDiff z : d.zones()) {
        int places = z.isArea() ? 1 : 3;
        String unit = z.isArea() ? "_km2" : "_km";
        g.writeStartObject();
        g.writeStringField("zone", z.zone());
        g.writeStringField("kind", z.kind());
        g.writeBooleanField("approximate", z.approximate());
        number(g, "from" + unit, z.from(), places);
        number(g, "to" + unit, z.to(), places);
        number(g, "gained" + unit, z.gained(), places);
        number(g, "lost" + unit, z.lost(), places);
        g.writeEndObject();
      }
      g.writeEndArray();
      if (area != null) {
        g.writeObjectFieldStart("permitted_area");
        g.writeStringField("country", area.country());
        PermittedArea.Window w = area.window();
        g.writeObjectFieldStart("window");
        number(g, "min_lat", w.minLat(), 3);
        number(g, "max_lat", w.maxLat(), 3);
        number(g, "min_lon", w.minLon(), 3);
        number(g, "max_lon", w.maxLon(), 3);
        number(g, "step_deg", w.step(), 3);
        g.writeEndObject();
        number(g, "country_km2", area.countryKm2(), 1);
        number(g, "from_km2", area.fromKm2(), 1);
        number(g, "to_km2", area.toKm2(), 1);
        number(g, "gained_km2", area.gainedKm2(), 1);
        number(g, "lost_km2", area.lostKm2(), 1);
        g.writeEndObject();
      }
      if (ev != null) {
        g.writeObjectFieldStart("flips");
        g.writeNumberField("evaluated", ev.flips.evaluated());
        g.writeNumberField("malformed", ev.errors.size());
        g.writeNumberField("flipped", ev.flips.flips().size());
        g.writeArrayFieldStart("transitions");
        for (Map.Entry<String, Integer> e : ev.flips.transitions().entrySet()) {
          String[] fromTo = e.getKey().split("→");
          g.writeStartObject();
          g.writeStringField("from", fromTo[0]);
          g.writeStringField("to", fromTo[1]);
          g.writeNumberField("count", e.getValue());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("requests");
        for (FlipList.Flip f : ev.flips.flips()) {
          g.writeStartObject();
          g.writeStringField("id", f.request().id());
          g.writeNumberField("line", ev.lines.get(f.index()));
          g.writeFieldName("from");
          AnswerWriter.write(f.from(), false, g);
          g.writeFieldName("to");
          AnswerWriter.write(f.to(), false, g);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (Malformed m : ev.errors) {
          g.writeStartObject();
          g.writeNumberField("line", m.line());
          g.writeFieldName("request");
          AnswerWriter.write(m.error(), g);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private static void endpoint(JsonGenerator g, String name, FlipList.Side s) throws IOException {
    PolicyVersion p = s.version().policy();
    g.writeObjectFieldStart(name);
    g.writeStringField("grant", s.grant().grant().id());
    g.writeStringField("version", p.version());
    g.writeStringField("in_force", p.inForce().toString());
    g.writeStringField("title", p.title());
    g.writeStringField("reliability", p.reliability().label());
    g.writeStringField("hash", p.contentHash());
    g.writeEndObject();
  }

  private static void ruleList(JsonGenerator g, String name, List<RuleDiff.RuleView> rules) throws IOException {
    g.writeArrayFieldStart(name);
    for (RuleDiff.RuleView r : rules) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("effect", r.effect());
      g.writeStringField("text", r.text());
      strings(g, "sources", r.sources());
      strings(g, "condition", r.conjuncts());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void assumptionList(JsonGenerator g, String name, List<AssumptionDiff.Entry> entries)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (AssumptionDiff.Entry e : entries) {
      g.writeStartObject();
      g.writeStringField("name", e.name());
      value(g, "from", e.from());
      value(g, "to", e.to());
      g.writeStringField("unit", e.unit());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void value(JsonGenerator g, String name, Object v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Double x) {
      g.writeNumber(new java.math.BigDecimal(Numbers.format(x, 6)));
    } else if (v instanceof Boolean x) {
      g.writeBoolean(x);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void pair(JsonGenerator g, String name, List<String> fromTo) throws IOException {
    g.writeFieldName(name);
    if (fromTo == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("from", fromTo.get(0));
    g.writeStringField("to", fromTo.get(1));
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) g.writeString(s);
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String name, Double v, int places) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(new java.math.BigDecimal(Numbers.format(v, places)));
    }
  }

  // ---- text ----

  private static String text(VersionDiff d, PermittedArea.Result area, Events ev) {
    StringBuilder out = new StringBuilder();
    out.append("diff ").append(ref(d.from())).append(" → ").append(ref(d.to())).append('\n');
    header(out, "from", d.from());
    header(out, "to  ", d.to());
    if (!d.sameGrant()) out.append("  (two grants: rules matched by id)\n");

    RuleDiff r = d.rules();
    out.append("\nRules: ").append(r.added().size()).append(" added, ").append(r.removed().size())
        .append(" removed, ").append(r.changed().size()).append(" changed, ").append(r.unchanged().size())
        .append(" unchanged\n");
    for (RuleDiff.RuleView v : r.added()) ruleView(out, '+', v);
    for (RuleDiff.RuleView v : r.removed()) ruleView(out, '-', v);
    for (RuleDiff.Changed c : r.changed()) {
      out.append("  ~ ").append(c.id()).append('\n');
      if (c.effect() != null) out.append("      effect: ").append(c.effect().get(0)).append(" → ").append(c.effect().get(1)).append('\n');
      if (c.text() != null) {
        out.append("      text was: ").append(c.text().get(0)).append('\n');
        out.append("      text now: ").append(c.text().get(1)).append('\n');
      }
      for (String s : c.sourcesRemoved()) out.append("      source - ").append(s).append('\n');
      for (String s : c.sourcesAdded()) out.append("      source + ").append(s).append('\n');
      for (String s : c.conjunctsRemoved()) out.append("      condition - ").append(s).append('\n');
      for (String s : c.conjunctsAdded()) out.append("      condition + ").append(s).append('\n');
    }
    if (!r.unchanged().isEmpty()) out.append("  = ").append(String.join(", ", r.unchanged())).append('\n');
    for (List<String> pair : r.renamed()) {
      out.append("  (").append(pair.get(0)).append(" → ").append(pair.get(1))
          .append(": same effect and condition, probably renamed)\n");
    }

    AssumptionDiff a = d.assumptions();
    out.append("\nAssumptions: ").append(a.added().size()).append(" added, ").append(a.removed().size())
        .append(" removed, ").append(a.changed().size()).append(" changed\n");
    for (AssumptionDiff.Entry e : a.added()) out.append("  + ").append(e.name()).append(" = ").append(val(e.to(), e.unit())).append('\n');
    for (AssumptionDiff.Entry e : a.removed()) out.append("  - ").append(e.name()).append(" = ").append(val(e.from(), e.unit())).append('\n');
    for (AssumptionDiff.Entry e : a.changed()) {
      out.append("  ~ ").append(e.name()).append(": ").append(val(e.from(), e.unit())).append(" → ")
          .append(val(e.to(), e.unit())).append('\n');
    }

    out.append("\nZones (geodesic on WGS84; gained = in ").append(d.to().version().policy().version())
        .append(" only, lost = in ").append(d.from().version().policy().version()).append(" only):\n");
    if (d.zones().isEmpty()) out.append("  (neither version defines zones)\n");
    for (ZoneDiff z : d.zones()) {
      String unit = z.isArea() ? " km²" : " km";
      int places = z.isArea() ? 1 : 3;
      out.append("  ").append(z.zone()).append(" (").append(z.kind()).append(z.approximate() ? ", approximate" : "")
          .append("): ").append(z.from() == null ? "absent" : Numbers.format(z.from(), places) + unit).append(" → ")
          .append(z.to() == null ? "absent" : Numbers.format(z.to(), places) + unit);
      if (z.changed()) {
        out.append("; gained +").append(Numbers.format(z.gained(), places)).append(unit).append(", lost −")
            .append(Numbers.format(z.lost(), places)).append(unit);
      } else {
        out.append("; unchanged");
      }
      out.append('\n');
    }

    if (area != null) {
      PermittedArea.Window w = area.window();
      out.append("\nPermitted area in ").append(area.country()).append(" (grid estimate, ").append(Numbers.format(w.step(), 3))
          .append("° cells over ").append(Numbers.format(w.minLat(), 2)).append("–").append(Numbers.format(w.maxLat(), 2))
          .append("°N, ").append(Numbers.format(w.minLon(), 2)).append("–").append(Numbers.format(w.maxLon(), 2))
          .append("°E; ").append(Numbers.format(area.countryKm2(), 0)).append(" km² of ").append(area.country())
          .append(" in the window):\n  ").append(Numbers.format(area.fromKm2(), 0)).append(" km² → ")
          .append(Numbers.format(area.toKm2(), 0)).append(" km²; gained +").append(Numbers.format(area.gainedKm2(), 0))
          .append(" km², lost −").append(Numbers.format(area.lostKm2(), 0)).append(" km²\n");
    }
    if (ev != null) flipsText(out, d, ev);
    return out.toString();
  }

  private static void flipsText(StringBuilder out, VersionDiff d, Events ev) {
    FlipList.Result f = ev.flips;
    out.append("\nFlips: ").append(f.flips().size()).append(" of ").append(f.evaluated()).append(" requests");
    if (!f.transitions().isEmpty()) {
      List<String> parts = new ArrayList<>();
      f.transitions().forEach((k, n) -> parts.add(k + " " + n));
      out.append(" (").append(String.join(", ", parts)).append(')');
    }
    out.append('\n');
    if (!d.sameGrant()) out.append("  (two grants: each request read as if its weapon came under each grant)\n");
    for (FlipList.Flip flip : f.flips()) {
      out.append("\n  ").append(flip.request().id() == null ? "request" : flip.request().id()).append(" (line ")
          .append(ev.lines.get(flip.index())).append("): ").append(flip.from().decision()).append(" → ")
          .append(flip.to().decision()).append('\n');
      List<String> left = side(ref(d.from()), flip.from()), right = side(ref(d.to()), flip.to());
      for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
        String l = i < left.size() ? left.get(i) : "";
        String rr = i < right.size() ? right.get(i) : "";
        out.append(("    " + pad(l) + " │ " + rr).stripTrailing()).append('\n');
      }
    }
    for (Malformed m : ev.errors) {
      out.append("\n  ").append(m.error().id() == null ? "request" : m.error().id()).append(" (line ").append(m.line())
          .append("): MALFORMED ").append(m.error().code()).append(": ").append(m.error().message()).append('\n');
    }
  }

  /** One column of a flip: version, verdict and basis, determining rules or closest permit, explanation. */
  private static List<String> side(String ref, Answer a) {
    List<String> lines = new ArrayList<>();
    lines.add(ref);
    if (a.grants().isEmpty()) {
      lines.add(a.decision().toString());
    } else {
      Answer.GrantAnswer g = a.grants().get(0);
      lines.add(a.decision() + " (" + g.basis().replace('_', ' ') + ")");
      for (Answer.Reason r : g.reasons()) lines.addAll(wrap(r.effect() + " " + r.rule()));
      if (!g.missing().isEmpty()) lines.addAll(wrap("missing: " + String.join(", ", g.missing())));
      if (g.closest() != null) {
        lines.addAll(wrap("closest permit " + g.closest().rule() + " fails on: "
            + (g.closest().text() != null ? g.closest().text() : g.closest().failed())));
      }
    }
    lines.addAll(wrap(a.explanation()));
    return lines;
  }

  private static List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (word.isEmpty()) continue;
      while (word.length() > COLUMN) {
        if (line.length() > 0) {
          out.add(line.toString());
          line.setLength(0);
        }
        out.add(word.substring(0, COLUMN));
        word = word.substring(COLUMN);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > COLUMN) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }

  private static String pad(String s) {
    int n = s.codePointCount(0, s.length());
    return n >= COLUMN ? s : s + " ".repeat(COLUMN - n);
  }

  private static void ruleView(StringBuilder out, char sign, RuleDiff.RuleView v) {
    out.append("  ").append(sign).append(' ').append(v.effect()).append(' ').append(v.id()).append(": ")
        .append(v.text()).append('\n');
    for (String c : v.conjuncts()) out.append("      ").append(c).append('\n');
  }

  private static void header(StringBuilder out, String label, FlipList.Side s) {
    PolicyVersion p = s.version().policy();
    out.append("  ").append(label).append(": ").append(ref(s)).append(" — in force ").append(p.inForce())
        .append(", ").append(p.reliability().label()).append(": ").append(p.title()).append('\n');
  }

  private static String ref(FlipList.Side s) {
    return s.grant().grant().id() + "@" + s.version().policy().version();
  }

  private static String val(Object v, String unit) {
    String s = v instanceof Double x ? Numbers.format(x, 6) : String.valueOf(v);
    return unit == null ? s : s + " " + unit;
  }
}
