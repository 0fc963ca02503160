package org.caveat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import org.caveat.geo.GeoPoint;
import org.caveat.model.Attribute;
import org.caveat.model.Request;

/**
 * Binds a well-formed request straight from Jackson's token stream over its UTF-8 bytes, without
 * a tree or a String: the fast path of {@link RequestReader#read(RequestStream.Item, RequestDefaults)}.
 *
 * <p>It accepts only what {@link RequestReader} accepts without remark, and builds the same
 * request from it. Anything else — a syntax error, a duplicate member, a {@code null}, a value of
 * an unexpected type, out of range or not in the vocabulary, a missing member, a possible lone
 * surrogate escape — makes it give up (null), and the caller reads the item the general way (tree,
 * then {@link RequestReader}), so every error keeps its exact code, message and pointer.
 */
final class RequestBinder {
  /** Gives up: the general path decides what is wrong, if anything. */
  static final class GiveUp extends Exception {
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  /**
   * Caveat's parser settings with Jackson's fast number reader: both it and the JDK's (which the
   * tree path uses) round correctly, so they read every number as the same double. Without
   * Jackson's duplicate detection (a hash set per object, ~10 % of the bytes a check allocates):
   * the binder notices a member given twice itself ({@link Members}) and gives up, and the tree
   * path reports it.
   */
  static final JsonFactory FACTORY = Json.FACTORY.rebuild()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Each object's members in the documented order (docs/SEMANTICS.md), the order most requests use. */
  private static final SerializedString[] ROOT = names("id", "time", "user", "weapon", "target", "purpose");
  private static final SerializedString[] WEAPON = names("origin", "system", "munition", "class", "range_km");
  private static final SerializedString[] TARGET = names("location", "category", "activity", "used_in_invasion");
  private static final SerializedString[] LOCATION = names("lat", "lon");

  private static SerializedString[] names(String... names) {
    SerializedString[] out = new SerializedString[names.length];
    for (int i = 0; i < names.length; i++) out[i] = new SerializedString(names[i]);
    return out;
  }

  private static final CanonicalStrings WEAPON_CLASSES = new CanonicalStrings(Attribute.WEAPON_CLASS.vocabulary());
  private static final CanonicalStrings CATEGORIES = new CanonicalStrings(Attribute.TARGET_CATEGORY.vocabulary());
  private static final CanonicalStrings ACTIVITIES = new CanonicalStrings(Attribute.TARGET_ACTIVITY.vocabulary());
  private static final CanonicalStrings PURPOSES = new CanonicalStrings(Attribute.PURPOSE.vocabulary());

  /**
   * The unknown members met in one object, by name, to give up on one given twice (the tree path
   * reports it); made on the first of them. The known members are bits in an {@code int}
   * ({@link #once}), so an object without unknown members allocates nothing here.
   */
  private static final class Members {
    private final java.util.List<String> names = new java.util.ArrayList<>(2);

    /** An unknown member, ignored as the tree path ignores it: its value is skipped, checked for duplicates within. */
    static Members other(Members m, String name, JsonParser p, JsonToken value) throws IOException, GiveUp {
      if (m == null) m = new Members();
      else if (m.names.contains(name)) throw GiveUp.INSTANCE;
      m.names.add(name);
      noSurrogate(name);
      if (value.isStructStart()) skip(p, value);
      else if (value == JsonToken.VALUE_STRING) noSurrogate(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      return m;
    }
  }

  /** {@code known} with the known member {@code bit} added, giving up if it was met already. */
  private static int once(int known, int bit) throws GiveUp {
    if ((known & bit) != 0) throw GiveUp.INSTANCE;
    return known | bit;
  }

  /** Reads past the array or object {@code start} opened, giving up on a member given twice in any object within. */
  private static void skip(JsonParser p, JsonToken start) throws IOException, GiveUp {
    if (start == JsonToken.START_ARRAY) {
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) throw GiveUp.INSTANCE;
        if (t.isStructStart()) skip(p, t);
        else if (t == JsonToken.VALUE_STRING) noSurrogate(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      }
      return;
    }
    Members others = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      others = Members.other(others, name, p, p.nextToken());
    }
  }

  private RequestBinder() {}

  /** The request in {@code json} (UTF-8, one value), or null when it needs the general path. */
  static Request bind(byte[] json, RequestDefaults defaults) {
    return bind(json, defaults, UnaryOperator.identity());
  }

  /**
   * As {@link #bind(byte[], RequestDefaults)}, reading the tokens through {@code view} of the
   * parser (a delegate that also copies each token as it goes, say). The binder advances only
   * with {@code nextToken} and {@code nextFieldName}, and reads every token up to the end.
   */
  static Request bind(byte[] json, RequestDefaults defaults, UnaryOperator<JsonParser> view) {
    try (JsonParser p = view.apply(FACTORY.createParser(json))) {
      Request r = root(p, defaults);
      return p.nextToken() == null ? r : null;
    } catch (GiveUp | IOException | RuntimeException e) {
      // IOException: malformed JSON or a duplicate member; RuntimeException: a request the
      // builder refuses. Both are reported, with their exact wording, by the general path.
      return null;
    }
  }

  /** The request whose object is the parser's next token, read up to its closing brace (not past it). */
  static Request root(JsonParser p, RequestDefaults defaults) throws IOException, GiveUp {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    Request.Builder b = Request.builder();
    int known = 0;
    Members others = null;
    int at = 0;
    for (String name = nextName(p, ROOT, at); name != null; name = nextName(p, ROOT, at)) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          known = once(known, 1);
          b.id(id(p, t));
          at = 1;
        }
        case "time" -> {
          known = once(known, 2);
          b.time(time(p, t));
          at = 2;
        }
        case "user" -> {
          known = once(known, 4);
          b.user(country(p, t));
          at = 3;
        }
        case "weapon" -> {
          known = once(known, 8);
          weapon(p, t, b);
          at = 4;
        }
        case "target" -> {
          known = once(known, 16);
          target(p, t, b);
          at = 5;
        }
        case "purpose" -> {
          known = once(known, 32);
          b.purpose(vocab(p, t, PURPOSES));
          at = 6;
        }
        default -> others = Members.other(others, name, p, t);
      }
    }
    if ((known & 2) == 0) {
      if (defaults.time() == null) throw GiveUp.INSTANCE;
      b.time(defaults.time());
    }
    if ((known & 4) == 0 || (known & 8) == 0 || (known & 16) == 0) throw GiveUp.INSTANCE;
    return b.build();
  }

  private static void weapon(JsonParser p, JsonToken start, Request.Builder b) throws IOException, GiveUp {
    expect(start, JsonToken.START_OBJECT);
    int known = 0;
    Members others = null;
    int at = 0;
    for (String name = nextName(p, WEAPON, at); name != null; name = nextName(p, WEAPON, at)) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "origin" -> {
          known = once(known, 1);
          b.weaponOrigin(country(p, t));
          at = 1;
        }
        case "system" -> {
          known = once(known, 2);
          b.weaponSystem(text(p, t));
          at = 2;
        }
        case "munition" -> {
          known = once(known, 4);
          b.weaponMunition(text(p, t));
          at = 3;
        }
        case "class" -> {
          known = once(known, 8);
          b.weaponClass(vocab(p, t, WEAPON_CLASSES));
          at = 4;
        }
        case "range_km" -> {
          known = once(known, 16);
          double d = number(p, t);
          if (d < 0) throw GiveUp.INSTANCE;
          b.weaponRangeKm(d);
          at = 5;
        }
        default -> others = Members.other(others, name, p, t);
      }
    }
    if ((known & 1) == 0 || (known & 8) == 0) throw GiveUp.INSTANCE;
  }

  private static void target(JsonParser p, JsonToken start, Request.Builder b) throws IOException, GiveUp {
    expect(start, JsonToken.START_OBJECT);
    int known = 0;
    Members others = null;
    int at = 0;
    for (String name = nextName(p, TARGET, at); name != null; name = nextName(p, TARGET, at)) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "location" -> {
          known = once(known, 1);
          b.targetLocation(location(p, t));
          at = 1;
        }
        case "category" -> {
          known = once(known, 2);
          b.targetCategory(vocab(p, t, CATEGORIES));
          at = 2;
        }
        case "activity" -> {
          known = once(known, 4);
          b.targetActivity(vocab(p, t, ACTIVITIES));
          at = 3;
        }
        case "used_in_invasion" -> {
          known = once(known, 8);
          if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw GiveUp.INSTANCE;
          b.targetUsedInInvasion(t == JsonToken.VALUE_TRUE);
          at = 4;
        }
        default -> others = Members.other(others, name, p, t);
      }
    }
    if ((known & 1) == 0 || (known & 2) == 0 || (known & 4) == 0) throw GiveUp.INSTANCE;
  }

  private static GeoPoint location(JsonParser p, JsonToken start) throws IOException, GiveUp {
    expect(start, JsonToken.START_OBJECT);
    double lat = Double.NaN, lon = Double.NaN;
    int known = 0;
    Members others = null;
    int at = 0;
    for (String name = nextName(p, LOCATION, at); name != null; name = nextName(p, LOCATION, at)) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "lat" -> {
          known = once(known, 1);
          lat = number(p, t);
          at = 1;
        }
        case "lon" -> {
          known = once(known, 2);
          lon = number(p, t);
          at = 2;
        }
        default -> others = Members.other(others, name, p, t);
      }
    }
    // NaN (absent) fails both comparisons, as does a value out of range.
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) throw GiveUp.INSTANCE;
    return new GeoPoint(lat, lon);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws GiveUp {
    if (actual != expected) throw GiveUp.INSTANCE;
  }

  /**
   * A request's id. One of 1 to 256 printable ASCII characters other than the space (nearly every
   * id) is good by {@link RequestId}'s rules and holds no surrogate, so it is checked on the
   * parser's characters; any other goes through {@link RequestId#problem}.
   */
  private static String id(JsonParser p, JsonToken t) throws IOException, GiveUp {
    expect(t, JsonToken.VALUE_STRING);
    char[] c = p.getTextCharacters();
    int o = p.getTextOffset(), n = p.getTextLength();
    boolean plain = n >= 1 && n <= RequestId.MAX_LENGTH;
    for (int i = o; plain && i < o + n; i++) plain = c[i] > ' ' && c[i] < 0x7f;
    if (plain) return p.getText();
    String id = text(p, t);
    if (RequestId.problem(id) != null) throw GiveUp.INSTANCE;
    return id;
  }

  /**
   * The next member's name, or null at the end of the object. The name expected after the member
   * at {@code at} in {@code order} (members usually come in the documented order) is tried first:
   * Jackson then compares the input's bytes with the name's and skips its symbol-table lookup;
   * any other name is read as usual.
   */
  private static String nextName(JsonParser p, SerializedString[] order, int at) throws IOException {
    if (at < order.length) {
      SerializedString expected = order[at];
      if (p.nextFieldName(expected)) return expected.getValue();
      return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }
    return p.nextFieldName();
  }

  /** Free text (an id, a system, a munition), without surrogates. */
  private static String text(JsonParser p, JsonToken t) throws IOException, GiveUp {
    expect(t, JsonToken.VALUE_STRING);
    String s = p.getText();
    noSurrogate(s);
    return s;
  }

  /** A finite number, read as the tree reads it ({@code asDouble} of its node). */
  private static double number(JsonParser p, JsonToken t) throws IOException, GiveUp {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) throw GiveUp.INSTANCE;
    double d = p.getDoubleValue();
    if (!Double.isFinite(d)) throw GiveUp.INSTANCE;
    return d;
  }

  /** Two capital letters, as the tree path requires, as a shared String. */
  private static String country(JsonParser p, JsonToken t) throws IOException, GiveUp {
    expect(t, JsonToken.VALUE_STRING);
    String s = CanonicalStrings.alpha2(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (s == null) throw GiveUp.INSTANCE;
    return s;
  }

  /** A word of the attribute's vocabulary, as the vocabulary's own String (none is made). */
  private static String vocab(JsonParser p, JsonToken t, CanonicalStrings vocabulary) throws IOException, GiveUp {
    expect(t, JsonToken.VALUE_STRING);
    String s = vocabulary.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (s == null) throw GiveUp.INSTANCE;
    return s;
  }

  /**
   * As {@link RequestReader}'s time. The form nearly every request uses, {@code 2024-06-01T03:00:00Z}
   * exactly, is read from its digits, without the general formatter (~4 % of check's CPU in a profile); any other form,
   * and any field out of its range, goes through the same parsers as the tree path.
   */
  private static Instant time(JsonParser p, JsonToken t) throws IOException, GiveUp {
    expect(t, JsonToken.VALUE_STRING);
    Instant plain = plainUtc(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (plain != null) return plain;
    try {
      return RequestReader.instant(p.getText());
    } catch (DateTimeParseException e) {
      throw GiveUp.INSTANCE;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ssZ} with every field in range, else null. */
  static Instant plainUtc(String t) {
    return t.length() != 20 ? null : plainUtc(t.toCharArray(), 0, 20);
  }

  /** As {@link #plainUtc(String)}, on {@code c[o, o + length)} (the parser's buffer: no String made). */
  private static Instant plainUtc(char[] c, int o, int length) {
    if (length != 20 || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T' || c[o + 13] != ':'
        || c[o + 16] != ':' || c[o + 19] != 'Z') {
      return null;
    }
    int year = digits(c, o, 4), month = digits(c, o + 5, 2), day = digits(c, o + 8, 2);
    int hour = digits(c, o + 11, 2), minute = digits(c, o + 14, 2), second = digits(c, o + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
      return null;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
  }

  /** The decimal number in {@code t[from, from + n)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(char[] t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t[i];
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Gives up on text holding a UTF-16 surrogate. An ASCII line (the only kind bound here) holds
   * one only through a {@code \\uD800}–{@code \\uDFFF} escape, and the general path reports a lone one
   * ({@code input.encoding}); so every string the binder keeps or skips is checked once it is
   * decoded, instead of scanning every line's bytes for such escapes. A vocabulary word, a
   * country code or a plain time never holds one, so only free text, unknown names and the
   * values of unknown members are checked.
   */
  private static void noSurrogate(char[] c, int offset, int length) throws GiveUp {
    for (int i = offset; i < offset + length; i++) if (Character.isSurrogate(c[i])) throw GiveUp.INSTANCE;
  }

  private static void noSurrogate(String s) throws GiveUp {
    for (int i = 0; i < s.length(); i++) if (Character.isSurrogate(s.charAt(i))) throw GiveUp.INSTANCE;
  }
}
