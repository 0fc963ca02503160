package org.caveat.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.caveat.policy.Assumption;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Reliability;
import org.caveat.policy.Rule;
import org.caveat.policy.Source;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;
import org.caveat.policy.ZoneSpec;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one version file of a pack into a {@link PolicyVersion}, collecting diagnostics. */
final class VersionReader {
  private static final Set<String> TOP = Set.of("grant", "grantor", "grantee", "scope", "version",
      "in_force", "title", "summary", "notes", "reliability", "sources", "assumptions", "zones", "rules");
  private static final Set<String> SOURCE = Set.of("outlet", "date", "url", "no_url_reason", "quote",
      "attribution", "reliability");
  private static final Set<String> ASSUMPTION = Set.of("value", "unit", "note", "confidence");
  private static final Set<String> CONFIDENCE = new LinkedHashSet<>(List.of("high", "medium", "low"));
  private static final Set<String> ZONE_KINDS = new LinkedHashSet<>(List.of("region", "geojson", "border",
      "buffer", "union", "intersection", "difference"));
  private static final Set<String> ZONE = Set.of("region", "geojson", "border", "buffer", "km", "union",
      "intersection", "difference", "note");
  private static final Set<String> RULE = Set.of("id", "effect", "when", "text", "sources");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String file;
  private final String text;
  private final String[] lines;
  private final Function<String, byte[]> siblingFiles;
  private final List<Diagnostic> diagnostics;
  private final MessageDigest digest;

  /**
   * @param siblingFiles reads a file named relative to the version file; null when absent
   */
  VersionReader(String file, byte[] content, Function<String, byte[]> siblingFiles, List<Diagnostic> diagnostics) {
    this.file = file;
    this.text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
    this.lines = text.split("\n", -1);
    this.siblingFiles = siblingFiles;
    this.diagnostics = diagnostics;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The version, or null when the file could not be read far enough to build one. */
  PolicyVersion read() {
    Node root = Yamls.compose(file, text, diagnostics);
    if (root == null) return null;
    YamlMap top = new YamlMap(file, root, diagnostics);
    top.onlyKeys(TOP, "a version file");
    String grant = top.string("grant", true);
    String grantor = country(top, "grantor");
    String grantee = country(top, "grantee");
    String scope = top.string("scope", false);
    SourceMap scopeAt = sourceMap(top.node("scope"), top.span());
    if (scope == null) scope = "weapon.origin == \"" + grantor + "\"";
    String version = top.string("version", true);
    Instant inForce = date(top, "in_force");
    List<Source> sources = sources(top);
    List<Assumption> assumptions = assumptions(top);
    List<ZoneSpec> zones = zones(top);
    List<Rule> rules = rules(top, sources);
    Reliability reliability = reliability(top, rules, sources);
    String hash = "sha256:" + HexFormat.of().formatHex(digest.digest());
    return new PolicyVersion(grant, grantor, grantee, scope, scopeAt, version, inForce,
        top.string("title", false), top.string("summary", false), top.string("notes", false), reliability,
        sources, assumptions, zones, rules, hash, file);
  }

  private String country(YamlMap m, String key) {
    String v = m.string(key, true);
    if (v != null && !v.matches("[A-Z]{2}")) {
      m.error("pack.bad_value", m.node(key), "`" + key + "` must be an ISO 3166-1 alpha-2 code such as US, got `" + v + "`", null);
    }
    return v;
  }

  private Instant date(YamlMap m, String key) {
    String v = m.string(key, true);
    if (v == null) return null;
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      m.error("pack.bad_value", m.node(key), "`" + key + "` must be a date (2024-05-30) or an instant"
          + " (2024-05-30T00:00:00Z), got `" + v + "`", null);
      return null;
    }
  }

  private List<Source> sources(YamlMap top) {
    List<Source> out = new ArrayList<>();
    for (Map.Entry<String, YamlMap> e : top.mapOfMaps("sources").entrySet()) {
      YamlMap s = e.getValue();
      s.onlyKeys(SOURCE, "source `" + e.getKey() + "`");
      String quote = s.string("quote", true);
      String outlet = s.string("outlet", true);
      Reliability r = reliabilityValue(s, "reliability", true);
      String url = s.string("url", false);
      String noUrl = s.string("no_url_reason", false);
      followable(s, e.getKey(), url, noUrl);
      out.add(new Source(e.getKey(), outlet, s.string("date", true), url, noUrl, quote,
          s.string("attribution", true), r, s.span()));
    }
    return out;
  }

  /** A reader can follow the source: an http(s) address, or a sentence saying why there is none. */
  private static void followable(YamlMap s, String id, String url, String noUrl) {
    if (url != null && !url.matches("https?://[^\\s]+")) {
      s.error("source.bad_url", s.node("url"), "source `" + id + "`: `url` must be an http(s) address, got `"
          + url + "`", "write the full address, e.g. https://www.example.org/article");
    }
    if (url == null && (noUrl == null || noUrl.isBlank()) && s.node("url") == null) {
      s.error("source.no_url", s.node("no_url_reason") != null ? s.node("no_url_reason") : s.self(),
          "source `" + id + "` has no `url`", "add `url: https://…`, or `no_url_reason:` saying why a reader"
          + " cannot follow it online (e.g. a printed document)");
    }
    if (url != null && noUrl != null) {
      s.error("source.url_and_reason", s.node("no_url_reason"), "source `" + id + "` has both `url` and"
          + " `no_url_reason`", "keep `url` and remove `no_url_reason`");
    }
  }

  private Reliability reliabilityValue(YamlMap m, String key, boolean required) {
    String v = m.string(key, required);
    if (v == null) return null;
    for (Reliability r : Reliability.values()) {
      if (r.label().equals(v)) return r;
    }
    m.error("vocab.unknown", m.node(key), "unknown reliability `" + v + "`",
        Suggest.didYouMean(v, List.of("official", "reported", "disputed")));
    return null;
  }

  private List<Assumption> assumptions(YamlMap top) {
    List<Assumption> out = new ArrayList<>();
    for (Map.Entry<String, YamlMap> e : top.mapOfMaps("assumptions").entrySet()) {
      YamlMap a = e.getValue();
      a.onlyKeys(ASSUMPTION, "assumption `" + e.getKey() + "`");
      Object value = scalarValue(a, "value");
      String confidence = a.string("confidence", true);
      if (confidence != null && !CONFIDENCE.contains(confidence)) {
        a.error("vocab.unknown", a.node("confidence"), "unknown confidence `" + confidence + "`",
            Suggest.didYouMean(confidence, CONFIDENCE));
      }
      String note = a.string("note", true);
      out.add(new Assumption(e.getKey(), value, a.string("unit", false), note, confidence, a.span()));
    }
    return out;
  }

  private Object scalarValue(YamlMap m, String key) {
    Node n = m.node(key);
    if (!(n instanceof ScalarNode s)) {
      if (n == null) diagnostics.add(new Diagnostic("pack.missing_field", m.span(), "missing required field `" + key + "`", null));
      else m.error("pack.type", n, "`" + key + "` must be a number, a string or true/false", null);
      return null;
    }
    String v = s.getValue();
    if (v.equals("true") || v.equals("false")) return Boolean.valueOf(v);
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) return d;
    } catch (NumberFormatException ignored) {
      // a string value
    }
    return v;
  }

  private List<ZoneSpec> zones(YamlMap top) {
    List<ZoneSpec> out = new ArrayList<>();
    for (Map.Entry<String, YamlMap> e : top.mapOfMaps("zones").entrySet()) {
      YamlMap z = e.getValue();
      String name = e.getKey();
      z.onlyKeys(ZONE, "zone `" + name + "`");
      List<String> kinds = z.keys().stream().filter(ZONE_KINDS::contains).toList();
      if (kinds.size() != 1) {
        diagnostics.add(new Diagnostic("zone.kind", z.span(), "zone `" + name + "` must have exactly one of "
            + String.join(", ", ZONE_KINDS), kinds.isEmpty() ? null : "found " + String.join(", ", kinds)));
        continue;
      }
      String kind = kinds.get(0);
      ZoneSpec.Kind k = ZoneSpec.Kind.valueOf(kind.toUpperCase());
      List<String> args = new ArrayList<>();
      JsonNode geojson = null;
      String distance = null;
      switch (k) {
        case BORDER -> {
          var sides = z.node("border");
          if (!(sides instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) || seq.getValue().size() != 2) {
            z.error("zone.border", sides, "`border` takes two sides, e.g. [UA-63, RU]", null);
            continue;
          }
          for (Node side : seq.getValue()) {
            args.add(String.join("+", z.stringsOf("a border side", side)));
          }
        }
        case BUFFER -> {
          args.add(z.string("buffer", true));
          distance = z.string("km", true);
        }
        case GEOJSON -> {
          String path = z.string("geojson", true);
          args.add(path);
          geojson = readGeoJson(z, path);
        }
        default -> args.addAll(z.strings(kind));
      }
      if (k != ZoneSpec.Kind.BUFFER && z.node("km") != null) {
        z.error("pack.unknown_field", z.node("km"), "`km` only applies to buffer zones", null);
      }
      out.add(new ZoneSpec(name, k, args, distance, geojson, z.string("note", false), z.span()));
    }
    return out;
  }

  private JsonNode readGeoJson(YamlMap z, String path) {
    if (path == null) return null;
    byte[] bytes = siblingFiles.apply(path);
    if (bytes == null) {
      z.error("zone.file", z.node("geojson"), "GeoJSON file `" + path + "` not found beside the version file", null);
      return null;
    }
    digest.update(path.getBytes(StandardCharsets.UTF_8));
    digest.update(bytes);
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      z.error("geojson.syntax", z.node("geojson"), "`" + path + "` is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""), null);
      return null;
    }
  }

  private List<Rule> rules(YamlMap top, List<Source> sources) {
    List<Rule> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Set<String> sourceIds = new LinkedHashSet<>();
    sources.forEach(s -> sourceIds.add(s.id()));
    if (top.node("rules") == null) {
      diagnostics.add(new Diagnostic("pack.missing_field", top.span(), "missing required field `rules`",
          "a version needs at least one rule"));
    }
    for (YamlMap r : top.listOfMaps("rules")) {
      r.onlyKeys(RULE, "a rule");
      String id = r.string("id", true);
      if (id != null && !ids.add(id)) {
        r.error("rule.duplicate_id", r.node("id"), "duplicate rule id `" + id + "`", "rule ids are unique within a version");
      }
      String effectText = r.string("effect", true);
      Rule.Effect effect = null;
      if (effectText != null) {
        if (effectText.equals("permit")) effect = Rule.Effect.PERMIT;
        else if (effectText.equals("forbid")) effect = Rule.Effect.FORBID;
        else r.error("vocab.unknown", r.node("effect"), "unknown effect `" + effectText + "`",
            Suggest.didYouMean(effectText, List.of("permit", "forbid")));
      }
      List<String> cited = r.strings("sources");
      if (cited.isEmpty()) {
        r.error("rule.no_source", r.node("id") != null ? r.node("id") : r.node("effect"),
            "rule `" + id + "` cites no source", "add `sources: [id]` naming a source of this version");
      }
      for (int i = 0; i < cited.size(); i++) {
        if (!sourceIds.contains(cited.get(i))) {
          r.error("source.unknown", r.node("sources"), "unknown source `" + cited.get(i) + "` in rule `" + id + "`",
              Suggest.didYouMean(cited.get(i), sourceIds));
        }
      }
      String when = r.string("when", true);
      String text = r.string("text", true);
      SourceMap whenAt = sourceMap(r.node("when"), r.span());
      out.add(new Rule(id, effect, when, text, cited, r.span(), whenAt));
    }
    return out;
  }

  private Reliability reliability(YamlMap top, List<Rule> rules, List<Source> sources) {
    Reliability declared = reliabilityValue(top, "reliability", false);
    if (declared != null) return declared;
    Reliability weakest = Reliability.OFFICIAL;
    for (Rule r : rules) {
      for (String id : r.sources()) {
        for (Source s : sources) {
          if (s.id().equals(id) && s.reliability() != null) weakest = weakest.weakest(s.reliability());
        }
      }
    }
    return weakest;
  }

  private SourceMap sourceMap(Node n, Span fallback) {
    return n instanceof ScalarNode s ? new ScalarSourceMap(file, lines, s) : SourceMap.from(fallback);
  }
}
