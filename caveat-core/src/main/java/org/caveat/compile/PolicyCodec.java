package org.caveat.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import org.caveat.cache.Decoder;
import org.caveat.cache.Decoder.Corrupt;
import org.caveat.cache.Encoder;
import org.caveat.policy.Assumption;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Reliability;
import org.caveat.policy.Rule;
import org.caveat.policy.Source;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;
import org.caveat.policy.ZoneSpec;

/**
 * A version's pack model in the compiled-pack cache, field by field, so a cached version is the
 * same record the YAML reader made: every text, span, source and zone spec. A condition's
 * {@link SourceMap} (a function) is kept as its value at every character offset of the text
 * ({@link OffsetSourceMap}), which is exact for the reader's maps.
 */
final class PolicyCodec {
  /** Made only for a GeoJSON zone (none ship): a cold ObjectMapper costs more than decoding every version. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private PolicyCodec() {}

  static void write(Encoder out, PolicyVersion v) {
    out.string(v.grant()).string(v.grantor()).string(v.grantee()).string(v.scope());
    sourceMap(out, v.scope(), v.scopeMap());
    out.string(v.version()).int64(v.inForce().getEpochSecond()).uint(v.inForce().getNano());
    out.string(v.title()).string(v.summary()).string(v.notes());
    reliability(out, v.reliability());
    list(out, v.sources(), s -> {
      out.string(s.id()).string(s.outlet()).string(s.date()).string(s.url()).string(s.noUrlReason())
          .string(s.quote()).string(s.attribution());
      reliability(out, s.reliability());
      span(out, s.at());
    });
    list(out, v.assumptions(), a -> {
      out.string(a.name());
      value(out, a.value());
      out.string(a.unit()).string(a.note()).string(a.confidence());
      span(out, a.at());
    });
    list(out, v.zones(), z -> {
      out.string(z.name()).uint(z.kind().ordinal());
      strings(out, z.args());
      out.string(z.distance());
      try {
        out.string(z.geojson() == null ? null : Json.MAPPER.writeValueAsString(z.geojson()));
      } catch (IOException e) {
        throw new IllegalArgumentException("zone " + z.name() + ": " + e.getMessage(), e);
      }
      out.string(z.note());
      span(out, z.at());
    });
    list(out, v.rules(), r -> {
      out.string(r.id()).uint(r.effect().ordinal()).string(r.when()).string(r.text());
      strings(out, r.sources());
      span(out, r.at());
      sourceMap(out, r.when(), r.whenMap());
    });
    out.string(v.contentHash()).string(v.file());
  }

  static PolicyVersion read(Decoder in) {
    String grant = in.string(), grantor = in.text(), grantee = in.text(), scope = in.string();
    SourceMap scopeMap = sourceMap(in, scope);
    String version = in.string();
    Instant inForce = Instant.ofEpochSecond(in.int64(), in.index(1_000_000_000));
    String title = in.string(), summary = in.string(), notes = in.string();
    Reliability reliability = reliability(in);
    List<Source> sources = list(in, () -> new Source(in.text(), in.string(), in.string(), in.string(), in.string(),
        in.string(), in.string(), reliability(in), span(in)));
    List<Assumption> assumptions = list(in, () -> new Assumption(in.text(), value(in), in.string(),
        in.string(), in.string(), span(in)));
    List<ZoneSpec> zones = list(in, () -> new ZoneSpec(in.text(), ZoneSpec.Kind.values()[in.index(ZoneSpec.Kind.values().length)],
        strings(in), in.string(), geojson(in.string()), in.string(), span(in)));
    List<Rule> rules = list(in, () -> {
      String id = in.text();
      Rule.Effect effect = Rule.Effect.values()[in.index(Rule.Effect.values().length)];
      String when = in.string(), text = in.string();
      List<String> ruleSources = strings(in);
      Span at = span(in);
      return new Rule(id, effect, when, text, ruleSources, at, sourceMap(in, when));
    });
    return new PolicyVersion(grant, grantor, grantee, scope, scopeMap, version, inForce, title, summary, notes,
        reliability, sources, assumptions, zones, rules, in.string(), in.string());
  }

  private static JsonNode geojson(String text) {
    if (text == null) return null;
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new Corrupt("unreadable GeoJSON");
    }
  }

  private static void reliability(Encoder out, Reliability r) {
    out.uint(r == null ? 0 : r.ordinal() + 1);
  }

  private static Reliability reliability(Decoder in) {
    int i = in.index(Reliability.values().length + 1);
    return i == 0 ? null : Reliability.values()[i - 1];
  }

  static void span(Encoder out, Span s) {
    if (s == null) {
      out.bool(false);
    } else {
      out.bool(true).string(s.file()).sint(s.line()).sint(s.column());
    }
  }

  static Span span(Decoder in) {
    return in.bool() ? new Span(in.string(), in.sint(), in.sint()) : null;
  }

  private static void sourceMap(Encoder out, String text, SourceMap map) {
    if (map == null || text == null) {
      out.bool(false);
    } else {
      out.bool(true);
      OffsetSourceMap.write(out, text, map);
    }
  }

  private static SourceMap sourceMap(Decoder in, String text) {
    if (!in.bool()) return null;
    if (text == null) throw new Corrupt("a source map without its text");
    return OffsetSourceMap.read(in, text);
  }

  private static void strings(Encoder out, List<String> items) {
    if (items == null) {
      out.uint(0);
    } else {
      out.uint(items.size() + 1);
      items.forEach(out::string);
    }
  }

  private static List<String> strings(Decoder in) {
    int n = in.count();
    if (n == 0) return null;
    List<String> out = new ArrayList<>(n - 1);
    for (int i = 1; i < n; i++) out.add(in.string());
    return Collections.unmodifiableList(out);
  }

  private static <T> void list(Encoder out, List<T> items, java.util.function.Consumer<T> each) {
    out.uint(items.size());
    items.forEach(each);
  }

  private static <T> List<T> list(Decoder in, java.util.function.Supplier<T> each) {
    int n = in.count();
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(each.get());
    return out;
  }

  /** An assumption's value: a number, true/false or a text (or none). */
  static void value(Encoder out, Object v) {
    if (v == null) {
      out.uint(0);
    } else if (v instanceof Double d) {
      out.uint(1).float64(d);
    } else if (v instanceof Boolean b) {
      out.uint(2).bool(b);
    } else if (v instanceof String t) {
      out.uint(3).string(t);
    } else {
      throw new IllegalArgumentException("no cache form for an assumption of " + v.getClass().getName());
    }
  }

  static Object value(Decoder in) {
    return switch (in.index(4)) {
      case 1 -> in.float64();
      case 2 -> in.bool();
      case 3 -> in.text();
      default -> null;
    };
  }
}
