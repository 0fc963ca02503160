package org.caveat.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.caveat.explain.Answer;
import org.caveat.explain.Numbers;
import org.caveat.policy.Source;

/**
 * Writes answers and request errors as single-line JSON with a fixed field order, so the same
 * answer is always the same bytes. Rules cite their sources by id, as docs/SEMANTICS.md's answer does;
 * the full source records (outlet, quote, attribution…) are added on request.
 */
public final class AnswerWriter {
  private static final int MAX_FRAGMENTS = 10_000;
  /**
   * Rendered grant parts, for the parts the explainer shares between answers (by identity); held
   * with their UTF-8 bytes, which a UTF-8 generator copies as they are (the same bytes as
   * rendering the part again, without encoding it again).
   */
  private static final Map<Same, SerializedString> FRAGMENTS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Explanations (and other shared texts: countries, regions, waters labels, rule texts) with
   * their escaped UTF-8 bytes, by text: most answers share theirs with many others (238 distinct
   * explanations in 20,000 generated requests), and copying the bytes costs less than escaping and
   * encoding the text again; the explainer hands out the same String objects, so a lookup
   * usually ends at {@code String.equals}'s identity test. Jackson's encoder escapes as the generator does,
   * except characters outside the BMP (the generator writes them as {@code \\uD83D\\uDE00}
   * escapes, the encoder as UTF-8), so a text holding a surrogate is not kept and is written as before.
   */
  private static final Map<String, SerializedString> EXPLANATIONS = new java.util.concurrent.ConcurrentHashMap<>();

  private AnswerWriter() {}

  /**
   * Member names and verdict words every answer writes, with their quoted UTF-8 bytes: a UTF-8
   * generator copies them instead of encoding the String character by character (the same bytes).
   */
  private static final class Names {
    static final SerializedString ID = new SerializedString("id");
    static final SerializedString DECISION = new SerializedString("decision");
    static final SerializedString GRANTS = new SerializedString("grants");
    static final SerializedString FACTS = new SerializedString("facts");
    static final SerializedString COUNTRY = new SerializedString("country");
    static final SerializedString REGION = new SerializedString("region");
    static final SerializedString DISTANCE = new SerializedString("distance_to_border_km");
    static final SerializedString WATERS = new SerializedString("waters");
    static final SerializedString EXPLANATION = new SerializedString("explanation");
    static final SerializedString TEXT = new SerializedString("text");
    /** {@code Outcome.name()} by ordinal. */
    static final SerializedString[] OUTCOMES = java.util.Arrays.stream(org.caveat.decide.Outcome.values())
        .map(o -> new SerializedString(o.name())).toArray(SerializedString[]::new);
  }

  /** Identity as a map key: shared parts are the same object, and hashing them is then free. */
  private record Same(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Same s && s.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  public static String toJson(Answer a) {
    return toJson(a, false);
  }

  /** @param withSources add a {@code sources} object with the full record of every cited source */
  public static String toJson(Answer a, boolean withSources) {
    return write(g -> answer(g, a, withSources));
  }

  /**
   * An answer decided with assumption overrides (a what-if): its usual fields, then
   * {@code "assumed":{name: value}} naming the overrides in the order given, so the answer (and
   * its log entry) says it was not decided with the packs' own assumptions.
   */
  public static String toJson(Answer a, boolean withSources, Map<String, String> assumed) {
    return write(g -> {
      g.writeStartObject();
      answerFields(g, a, withSources);
      g.writeObjectFieldStart("assumed");
      for (Map.Entry<String, String> e : assumed.entrySet()) g.writeStringField(e.getKey(), e.getValue());
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /**
   * Writes one answer as a root value of {@code g} — for writers of many answers, such as a
   * stream of NDJSON lines in UTF-8 (the caller writes the line breaks).
   */
  public static void write(Answer a, boolean withSources, JsonGenerator g) throws IOException {
    answer(g, a, withSources);
  }

  /**
   * Writes an answer's fields into the object {@code g} is in, for writers that add fields of
   * their own after them (the replay's {@code "line"}).
   */
  public static void writeFields(Answer a, boolean withSources, JsonGenerator g) throws IOException {
    answerFields(g, a, withSources);
  }

  /** Writes one request error as a root value of {@code g}. */
  public static void write(RequestError e, JsonGenerator g) throws IOException {
    error(g, e);
  }

  /** Writes a request error's fields into the object {@code g} is in. */
  public static void writeFields(RequestError e, JsonGenerator g) throws IOException {
    errorFields(g, e);
  }

  public static String toJson(RequestError e) {
    return write(g -> error(g, e));
  }

  private static void error(JsonGenerator g, RequestError e) throws IOException {
    g.writeStartObject();
    errorFields(g, e);
    g.writeEndObject();
  }

  private static void errorFields(JsonGenerator g, RequestError e) throws IOException {
    g.writeStringField("id", e.id());
    g.writeObjectFieldStart("error");
    g.writeStringField("code", e.code());
    g.writeStringField("message", e.message());
    g.writeStringField("at", e.at());
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void answer(JsonGenerator g, Answer a, boolean withSources) throws IOException {
    g.writeStartObject();
    answerFields(g, a, withSources);
    g.writeEndObject();
  }

  private static void answerFields(JsonGenerator g, Answer a, boolean withSources) throws IOException {
    g.writeFieldName(Names.ID);
    g.writeString(a.id());
    g.writeFieldName(Names.DECISION);
    g.writeString(Names.OUTCOMES[a.decision().ordinal()]);
    g.writeFieldName(Names.GRANTS);
    g.writeStartArray();
    // By index: under the client compiler (no escape analysis) a for-each loop allocates an iterator per answer.
    List<Answer.GrantAnswer> grants = a.grants();
    for (int i = 0; i < grants.size(); i++) {
      Answer.GrantAnswer ga = grants.get(i);
      if (shared(ga)) {
        g.writeRawValue(fragment(ga));
      } else {
        grant(g, ga);
      }
    }
    g.writeEndArray();
    g.writeFieldName(Names.FACTS);
    g.writeStartObject();
    g.writeFieldName(Names.COUNTRY);
    sharedText(g, a.facts().country());
    g.writeFieldName(Names.REGION);
    sharedText(g, a.facts().region());
    number(g, Names.DISTANCE, a.facts().distanceToBorderKm());
    g.writeFieldName(Names.WATERS);
    sharedText(g, a.facts().waters());
    if (a.facts().onBorder()) g.writeBooleanField("on_border", true);
    g.writeEndObject();
    g.writeFieldName(Names.EXPLANATION);
    sharedText(g, a.explanation());
    if (withSources) sources(g, a);
  }

  /**
   * Whether the explainer shares this grant part between answers (the same object each time), so
   * that its rendering can be kept: a part with a version whose closest miss, if any, is not a
   * numeric comparison (a numeric one carries the request's own figures and is built per answer).
   */
  private static boolean shared(Answer.GrantAnswer ga) {
    return ga.version() != null && (ga.closest() == null || ga.closest().actual() == null);
  }

  /**
   * A text most answers share with many others (an explanation, a country, a region, a waters
   * label), copied as its kept UTF-8 bytes; written as before when it holds a surrogate.
   */
  private static void sharedText(JsonGenerator g, String text) throws IOException {
    SerializedString kept = text == null ? null : kept(text);
    if (kept != null) g.writeString(kept);
    else g.writeString(text);
  }

  private static void sources(JsonGenerator g, Answer a) throws IOException {
    g.writeObjectFieldStart("sources");
    for (Map.Entry<String, Source> e : a.sources().entrySet()) {
      Source s = e.getValue();
      g.writeObjectFieldStart(e.getKey());
      g.writeStringField("outlet", s.outlet());
      g.writeStringField("date", s.date());
      g.writeStringField("url", s.url());
      if (s.noUrlReason() != null) g.writeStringField("no_url_reason", s.noUrlReason());
      g.writeStringField("quote", s.quote());
      g.writeStringField("attribution", s.attribution());
      g.writeStringField("reliability", s.reliability() == null ? null : s.reliability().label());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The text's rendered bytes, or null when it holds a surrogate (rendered as before). */
  private static SerializedString kept(String text) {
    SerializedString e = EXPLANATIONS.get(text);
    if (e == null) {
      for (int i = 0; i < text.length(); i++) if (Character.isSurrogate(text.charAt(i))) return null;
      if (EXPLANATIONS.size() >= MAX_FRAGMENTS) EXPLANATIONS.clear();
      e = new SerializedString(text);
      EXPLANATIONS.put(text, e);
    }
    return e;
  }

  private static SerializedString fragment(Answer.GrantAnswer ga) {
    Same key = new Same(ga);
    SerializedString f = FRAGMENTS.get(key);
    if (f == null) {
      if (FRAGMENTS.size() >= MAX_FRAGMENTS) FRAGMENTS.clear();
      f = new SerializedString(write(g -> grant(g, ga)));
      f.asUnquotedUTF8(); // encoded once, here, not by the first answers to share it
      FRAGMENTS.put(key, f);
    }
    return f;
  }

  private static void grant(JsonGenerator g, Answer.GrantAnswer ga) throws IOException {
    g.writeStartObject();
    g.writeStringField("grant", ga.grant());
    g.writeStringField("version", ga.version());
    g.writeStringField("hash", ga.hash());
    g.writeStringField("reliability", ga.reliability());
    g.writeFieldName(Names.DECISION);
    g.writeString(Names.OUTCOMES[ga.decision().ordinal()]);
    g.writeStringField("basis", ga.basis());
    strings(g, "determining", ga.determining());
    g.writeArrayFieldStart("reasons");
    for (Answer.Reason r : ga.reasons()) {
      g.writeStartObject();
      g.writeStringField("rule", r.rule());
      g.writeStringField("effect", r.effect());
      g.writeFieldName(Names.TEXT);
      sharedText(g, r.text());
      strings(g, "sources", r.sources());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "missing", ga.missing());
    g.writeArrayFieldStart("skipped");
    for (Answer.Skipped s : ga.skipped()) {
      g.writeStartObject();
      g.writeStringField("version", s.version());
      g.writeStringField("reliability", s.reliability());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (ga.closest() != null) {
      Answer.Closest c = ga.closest();
      g.writeObjectFieldStart("closest");
      g.writeStringField("rule", c.rule());
      g.writeStringField("failed", c.failed());
      g.writeStringField("text", c.text());
      if (c.actual() != null) {
        number(g, "actual", c.actual());
        g.writeStringField("op", c.op());
        number(g, "limit", c.limit());
        number(g, "margin", c.margin());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /** Three places at most, as {@link Numbers#format} writes them (its fast path skips {@code BigDecimal} for values already rounded). */
  private static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Numbers.format(v, 3));
  }

  private static void number(JsonGenerator g, SerializedString name, double v) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Numbers.format(v, 3));
  }
}
